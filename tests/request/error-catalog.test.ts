/**
 * calc's error lines come from the message catalog: a translation of an engine error or of a
 * request error changes what calc prints, on stderr and in a batch's {"error"} slots, with no
 * change to the code.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCalc } from '../../src/cli/calc.js';
import { BASE_LANGUAGE, createTranslator, loadCatalogs } from '../../src/i18n/index.js';

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cnn-tutor-error-catalog-'));
  made.push(dir);
  return dir;
}

/** A messages folder: the shipped English catalog and a partial pt-BR one. */
function messagesDir(ptBR: Record<string, string>): string {
  const dir = tempDir();
  writeFileSync(join(dir, 'en.json'), JSON.stringify(loadCatalogs().get(BASE_LANGUAGE)));
  writeFileSync(join(dir, 'pt-BR.json'), JSON.stringify(ptBR));
  return dir;
}

const PT_BR = messagesDir({
  'engine.error.ragged':
    '`{name}` está irregular: `{at}` devia ser uma lista de tamanho {length}, veio {got}.',
  'engine.value.length': 'tamanho {length}',
  'calc.error.unknown-op': '`op`: esperava um de {ops}, veio {got}',
  'engine.value.nothing': 'nada',
  'engine.error.in-stage': 'etapa `{stage}` ({op}): {error}',
  'engine.value.pipeline-input': 'a entrada',
  'cli.calc.error': 'erro: {error}',
});

function calc(request: unknown, flags: { json?: boolean } = {}) {
  const file = join(tempDir(), 'request.json');
  writeFileSync(file, JSON.stringify(request));
  const out: string[] = [];
  const err: string[] = [];
  const code = runCalc(
    file,
    { width: 80, ...flags },
    (s) => out.push(s),
    (s) => err.push(s),
    createTranslator('pt-BR', { messagesDir: PT_BR }),
  );
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

const RAGGED = { op: 'relu', input: [[1, 2], [3]] };
const RAGGED_PT =
  '`input` está irregular: `input[1]` devia ser uma lista de tamanho 2, veio tamanho 1.';
const NO_OP = { input: [[1]] };
const NO_OP_PT =
  '`op`: esperava um de conv2d, maxpool, avgpool, conv1d, relu, softmax, dense, outsize, params, summary, pipeline, veio nada';

describe('calc errors speak the catalog', () => {
  it('words an engine error on stderr as the translation has it', () => {
    const r = calc(RAGGED);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`cnn-tutor calc: ${RAGGED_PT}`);
  });

  it('words a request error on stderr as the translation has it', () => {
    expect(calc(NO_OP).stderr).toBe(`cnn-tutor calc: ${NO_OP_PT}`);
  });

  it('words the parts of a message from the catalog too: a wrapped error, a phrase', () => {
    const stages = [{ op: 'flatten' }, { op: 'dense', weights: [[1, 2]] }];
    // The stage wrapper is translated; the error inside it has no translation, so is English.
    expect(
      calc({
        op: 'pipeline',
        input: [
          [1, 2],
          [3, 4],
        ],
        stages,
      }).stderr,
    ).toBe(
      'cnn-tutor calc: etapa `stages[1]` (dense): Expected `weights[0]` to have one weight per input (4), got 2.',
    );
    const dense = { op: 'pipeline', input: [[1]], stages: [{ op: 'dense', weights: [[1]] }] };
    expect(calc(dense).stderr).toBe(
      'cnn-tutor calc: `stages[0]` (dense) needs a list of numbers, but a entrada gives shape (1,1,1): put a flatten stage before it.',
    );
  });

  it('puts the translated text in the {"error"} slots of a batch, and in its text report', () => {
    const batch = [RAGGED, { op: 'softmax', input: [0, 0] }, NO_OP];
    const json = JSON.parse(calc(batch, { json: true }).stdout);
    expect(json).toEqual([{ error: RAGGED_PT }, { result: [0.5, 0.5] }, { error: NO_OP_PT }]);
    const text = calc(batch);
    expect(text.code).toBe(2);
    expect(text.stdout).toContain(`erro: ${RAGGED_PT}`);
    expect(text.stdout).toContain(`erro: ${NO_OP_PT}`);
  });

  it('falls back to English for the errors a translation leaves out', () => {
    expect(calc({ op: 'conv2d', input: [[1]], kernels: [[[1]]], stride: 0 }).stderr).toBe(
      'cnn-tutor calc: `stride`: expected a whole number from 1 to 1,000,000 (got 0)',
    );
  });
});
