/**
 * calc on hostile input: every request below once crashed, hung, ran out of memory, printed
 * a wrong number or wrote an escape to the terminal. Now each is an answer or one line on
 * stderr, with the limit and the request's size when it is too big.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { EngineError } from '../../src/engine/index.js';
import { parseRequest } from '../../src/request/parse-request.js';
import { runRequest } from '../../src/request/run-request.js';
import { runCalc } from '../../src/cli/calc.js';
import { createTranslator } from '../../src/i18n/index.js';

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'calc-hostile-'));
  made.push(dir);
  return dir;
}

/** calc in-process on a request file holding `text` (or on `path` itself). */
function calc(text: string | { path: string }, json = false) {
  let file: string;
  if (typeof text === 'string') {
    file = join(tempDir(), 'request.json');
    writeFileSync(file, text);
  } else file = text.path;
  const out: string[] = [];
  const err: string[] = [];
  const code = runCalc(
    file,
    { json, width: 80 },
    (s) => out.push(s),
    (s) => err.push(s),
    createTranslator('en'),
  );
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

/** Exit 2, nothing on stdout, one line on stderr; that line. */
function refused(r: ReturnType<typeof calc>): string {
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr.split('\n')).toHaveLength(1);
  expect(r.stderr).toMatch(/^cnn-tutor calc: /);
  return r.stderr;
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

/** A rows×cols grid whose rows are one shared array: a big request, a small test. */
function grid(rows: number, cols: number, value = 1): number[][] {
  return new Array(rows).fill(new Array(cols).fill(value));
}

describe('item 5: sizes are checked before anything is allocated', () => {
  it('refuses the 5000×5000 input with a 1000×1000 kernel at once', () => {
    const request = parseRequest({
      op: 'conv2d',
      input: grid(5000, 5000),
      kernels: [grid(1000, 1000)],
    });
    expect(() => runRequest(request)).toThrow(EngineError);
    expect(() => runRequest(request)).toThrow(
      'Too large: `input` would hold 25,000,000 numbers (5000×5000), over the limit of 16,777,216.',
    );
  });

  it('refuses "padding": 3000 on a 2×2 input with its size and the limit', () => {
    const line = refused(
      calc('{"op":"conv2d","input":[[1,2],[3,4]],"kernels":[[[1]]],"padding":3000}'),
    );
    expect(line).toBe(
      'cnn-tutor calc: Too large: the padded input would hold 36,024,004 numbers (1×6002×6002), over the limit of 16,777,216.',
    );
  });

  it('refuses "padding": 100000 in one line, not a RangeError', () => {
    const line = refused(
      calc('{"op":"conv2d","input":[[1,2],[3,4]],"kernels":[[[1]]],"padding":100000}'),
    );
    expect(line).toContain('1×200002×200002');
  });

  it('refuses maxpool "size": 1e9, "padding": "same" in text mode, saying the range', () => {
    const line = refused(
      calc('{"op":"maxpool","input":[[1,2],[3,4]],"size":1e9,"padding":"same"}'),
    );
    expect(line).toBe(
      'cnn-tutor calc: `size`: expected a whole number from 1 to 1,000,000 (got 1000000000)',
    );
  });

  it('refuses a request that would take too long, with its steps and the limit', () => {
    const request = { op: 'conv2d', input: grid(400, 400), kernels: [grid(200, 200)] };
    expect(refused(calc(JSON.stringify(request)))).toBe(
      'cnn-tutor calc: Too much work: conv2d would take 1,616,080,401 steps (multiply-adds, window cells and numbers written), over the limit of 1,000,000,000 per request.',
    );
  });

  it('describes a 600×600 result instead of drawing every cell, within the width', () => {
    const input = Array.from({ length: 600 }, (_, r) =>
      Array.from({ length: 600 }, (_, c) => ((r * c) % 7) - 3),
    );
    const r = calc(
      JSON.stringify({
        op: 'conv2d',
        input,
        kernels: [
          [
            [1, 0],
            [0, -1],
          ],
        ],
      }),
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('600×600: too large to draw here');
    expect(r.stdout).toContain('numbers from -3 to 3');
    expect(r.stdout).toContain('599×599: too large to draw here');
    const lines = r.stdout.split('\n');
    expect(lines.length).toBeLessThan(40);
    for (const line of lines) expect([...line].length).toBeLessThanOrEqual(80);
  });

  it('draws at most 8 channels, counting the rest', () => {
    const r = calc(JSON.stringify({ op: 'relu', input: new Array(20).fill(grid(2, 2, -1)) }));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('… and 12 more grids, not drawn (--json gives every number)');
  });

  it('lists a long result by its ends', () => {
    const r = calc(JSON.stringify({ op: 'softmax', input: new Array(100_000).fill(0) }));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('(100,000 numbers, from 0.0000 to 0.0000)');
    expect(r.stdout.length).toBeLessThan(2000);
  });

  it('a batch shares one budget: once spent, the rest are not computed', () => {
    // 513 million steps each: two fit in the budget, the third would pass it.
    const heavy = { op: 'conv2d', input: grid(300, 300), kernels: [grid(150, 150)] };
    const r = calc(JSON.stringify([heavy, heavy, heavy, { op: 'softmax', input: [0, 0] }]), true);
    expect(r.code).toBe(2);
    const answers = JSON.parse(r.stdout);
    expect(answers[0].output_shape).toEqual([1, 151, 151]);
    expect(answers[1].output_shape).toEqual([1, 151, 151]);
    expect(answers[2].error).toMatch(/^not computed: the requests before it took [\d,]+ steps/);
    expect(answers[3].error).toMatch(/^not computed/);
  });
});

describe('item 7: reading input', () => {
  it('reads /dev/zero no further than the limit, and says so in one line', () => {
    expect(refused(calc({ path: '/dev/zero' }))).toBe(
      'cnn-tutor calc: cannot read request /dev/zero: it is more than the 64 MB that is read',
    );
  });

  it('says a folder given as the file is a folder', () => {
    const dir = tempDir();
    expect(refused(calc({ path: dir }))).toBe(
      `cnn-tutor calc: cannot read request ${dir}: it is a folder`,
    );
  });

  it('says a folder on stdin is a folder, in one line', () => {
    const dir = tempDir();
    const fd = openSync(dir, 'r');
    try {
      const r = spawnSync(process.execPath, ['bin/cnn-tutor.js', 'calc'], {
        cwd: fileURLToPath(new URL('../..', import.meta.url)),
        stdio: [fd, 'pipe', 'pipe'],
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1', CNN_TUTOR_LANG: 'en' },
        timeout: 20_000,
      });
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe('cnn-tutor calc: cannot read the request from stdin: it is a folder\n');
    } finally {
      closeSync(fd);
    }
  });

  it('refuses a relu input nested 4,000 levels deep, as grade refuses deep nesting', () => {
    const line = refused(calc(`{"op":"relu","input":${'['.repeat(4000)}1${']'.repeat(4000)}}`));
    expect(line).toBe(
      'cnn-tutor calc: the request nests lists or objects more than 32 levels deep',
    );
  });

  it('accepts a request that starts with a byte-order mark', () => {
    const r = calc('\ufeff{"op":"relu","input":[[-1,2]]}', true);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).result).toEqual([[0, 2]]);
  });

  it('refuses a field given twice instead of guessing which one was meant', () => {
    expect(refused(calc('{"op":"relu","input":[1],"input":[2]}'))).toBe(
      'cnn-tutor calc: `input` is given twice in the request: give each field once',
    );
  });
});

describe('item 10: nothing from the input reaches the terminal as an escape', () => {
  it('strips control characters from a field name', () => {
    const line = refused(calc('{"op":"relu","input":[1],"\\u001b[2J\\u001b]0;PWNED\\u0007x":1}'));
    expect(line).not.toMatch(CONTROL);
    expect(line).toBe('cnn-tutor calc: unknown field `?[2J?]0;PWNED?x`');
  });

  it('strips them from a value quoted in a message, in a batch slot too', () => {
    const r = calc('[{"op":"relu\\u009b31m"}]', true);
    expect(r.stdout).not.toMatch(CONTROL);
    expect(JSON.parse(r.stdout)[0].error).toContain('?31m');
  });

  it("strips them from a summary's layer names, in the table and in --json", () => {
    const request = JSON.stringify({
      op: 'summary',
      input: [4, 4, 1],
      layers: [{ type: 'relu', name: 'a\u001b[2J\u009b31mb' }],
    });
    for (const json of [false, true]) {
      const r = calc(request, json);
      expect(r.code).toBe(0);
      expect(r.stdout).not.toMatch(CONTROL);
      expect(r.stdout).toContain('a?[2J?31mb');
    }
  });

  it('does not echo non-JSON input raw', () => {
    const line = refused(calc('\u001b[2J\u001b]0;PWNED\u0007'));
    expect(line).not.toMatch(CONTROL);
    expect(line).toBe(
      'cnn-tutor calc: the request is not valid JSON (line 1, column 1: expected a value, found character U+001B)',
    );
    expect(refused(calc('hello \u009b2J'))).not.toMatch(CONTROL);
  });
});

describe('item 11: a result that is not finite is an error, never null', () => {
  it('avgpool of four cells of 1e308 names the op and the cell', () => {
    const r = calc('{"op":"avgpool","input":[[1e308,1e308],[1e308,1e308]],"size":2}', true);
    expect(refused(r)).toBe(
      'cnn-tutor calc: avgpool: output[0][0][0] is not a finite number (the sum overflowed).',
    );
  });

  it('conv2d too, and in a batch its slot says why', () => {
    const request = { op: 'conv2d', input: grid(2, 2, 1e308), kernels: [grid(2, 2)] };
    expect(refused(calc(JSON.stringify(request), true))).toContain(
      'conv2d: output[0][0][0] is not a finite number',
    );
    const batch = calc(JSON.stringify([request]), true);
    expect(batch.stdout).not.toContain('null');
  });
});

describe('item 12: exact numbers, and ranges in messages', () => {
  it('refuses outsize sizes near 2^53, saying the range', () => {
    expect(refused(calc('{"op":"outsize","n":9007199254740990,"f":3}', true))).toBe(
      'cnn-tutor calc: `n`: expected a whole number from 1 to 1,000,000 (got 9007199254740990)',
    );
  });

  it('refuses a summary whose counts are beyond exact whole numbers, never grouping digits in an exponent', () => {
    const line = refused(
      calc(
        JSON.stringify({
          op: 'summary',
          input: [1e6, 1e6, 1000],
          layers: [{ type: 'flatten' }, { type: 'dense', units: 1e6 }],
        }),
      ),
    );
    expect(line).toBe(
      'cnn-tutor calc: Too large: `layers[1].params` would be 1.000000000000001e+21, more than 9,007,199,254,740,991, the largest whole number counted exactly.',
    );
  });

  it('a summary just within the limits is printed with grouped digits', () => {
    const r = calc(
      JSON.stringify({
        op: 'summary',
        input: [1000, 1000, 100],
        layers: [{ type: 'flatten' }, { type: 'dense', units: 1000 }],
      }),
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Total params: 100,000,001,000');
    expect(r.stdout).not.toMatch(/\d,\d*e\+/);
  });

  it('stride 1e308 says the allowed range', () => {
    expect(
      refused(calc('{"op":"conv2d","input":[[1,2],[3,4]],"kernels":[[[1]]],"stride":1e308}')),
    ).toBe('cnn-tutor calc: `stride`: expected a whole number from 1 to 1,000,000 (got 1e+308)');
  });
});
