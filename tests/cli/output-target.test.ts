/** The rule of where an output may go, case by case (`src/cli/output-target.ts`). */
import { execFileSync } from 'node:child_process';
import { linkSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  type OutputRules,
  checkOutput,
  locateOutput,
  refusalMessage,
} from '../../src/cli/output-target.js';
import { createTranslator } from '../../src/i18n/index.js';
import { isAutograderFile, autograderFiles } from '../../src/grade/autograder-files.js';

const dir = mkdtempSync(join(tmpdir(), 'cnn-tutor-target-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const t = createTranslator('en');

const rules = (over: Partial<OutputRules> = {}): OutputRules => ({
  output: 'grade-json',
  inputs: [],
  ours: (text) => text.startsWith('OURS'),
  content: 'OURS new report',
  ...over,
});

const at = (name: string) => locateOutput(name, dir);

describe('locateOutput', () => {
  it('- and the process’s own streams, also through a link, are not files', () => {
    expect(locateOutput('-', dir)).toEqual({ kind: 'stdout' });
    expect(locateOutput('/dev/stdout', dir)).toEqual({ kind: 'stdout' });
    expect(locateOutput('/dev/fd/1', dir)).toEqual({ kind: 'stdout' });
    expect(locateOutput('/dev/stderr', dir)).toEqual({ kind: 'stderr' });
    symlinkSync('/dev/stderr', join(dir, 'errors'));
    expect(at('errors')).toEqual({ kind: 'stderr' });
    expect(at('report.json')).toEqual({
      kind: 'path',
      path: join(dir, 'report.json'),
      shown: 'report.json',
    });
  });
});

describe('checkOutput', () => {
  it('a new file may be written', () => {
    expect(checkOutput(at('new.json'), rules())).toMatchObject({ kind: 'file' });
  });

  it('an input is refused under any name, even with force', () => {
    const input = join(dir, 'input.json');
    writeFileSync(input, 'OURS but read by the command');
    linkSync(input, join(dir, 'hard.json'));
    symlinkSync(input, join(dir, 'soft.json'));
    for (const name of ['input.json', './input.json', 'hard.json', 'soft.json', input])
      expect(checkOutput(at(name), rules({ inputs: [input], force: true }))).toEqual({
        refused: 'input',
        shown: name,
        output: 'grade-json',
      });
  });

  it('an existing regular file: replaced when empty, identical, ours, or forced', () => {
    const cases: Array<[string, string, Partial<OutputRules>, string]> = [
      ['empty', '', {}, 'file'],
      ['same', 'OURS new report', { ours: () => false }, 'file'],
      ['ours', 'OURS old report', {}, 'file'],
      ['theirs', 'my own notes', {}, 'refused'],
      ['forced', 'my own notes', { force: true }, 'file'],
      ['binary', '\u00ff', {}, 'refused'],
    ];
    for (const [name, text, over, expected] of cases) {
      writeFileSync(join(dir, name), name === 'binary' ? Buffer.from([0xff, 0xfe]) : text);
      const result = checkOutput(at(name), rules(over));
      expect({ name, got: 'refused' in result ? 'refused' : result.kind }).toEqual({
        name,
        got: expected,
      });
    }
  });

  it('a FIFO is a stream, written into', () => {
    execFileSync('mkfifo', [join(dir, 'pipe')]);
    expect(checkOutput(at('pipe'), rules())).toMatchObject({ kind: 'stream' });
  });

  it('a refusal is one line naming the file and --force', () => {
    const input = refusalMessage(t, { refused: 'input', shown: 'self.json', output: 'grade-json' });
    const exists = refusalMessage(t, {
      refused: 'exists',
      shown: 'notes.md',
      output: 'worksheet-md',
    });
    expect(input).toBe(
      'self.json is one of the files this command reads, so it is not written over, not even with --force; choose another --out.',
    );
    expect(exists).toBe(
      'notes.md already exists and is not a Markdown worksheet written by cnn-tutor worksheet, so it was left as it is; choose another --out, or add --force to replace it.',
    );
  });
});

describe('the autograder’s files know themselves until edited', () => {
  it('setup.sh, run_autograder and the lab are sealed; an edit breaks the seal', () => {
    const files = autograderFiles({ lab: 'lab-1', version: '1.0.0', labSource: 'id: lab-1\n' });
    for (const f of files) {
      expect(isAutograderFile(f.name, f.text)).toBe(true);
      expect(isAutograderFile(f.name, f.text.replace('\n', '\n# edited\n'))).toBe(false);
      expect(isAutograderFile(f.name, `${f.text}echo more\n`)).toBe(false);
    }
    const script = files.find((f) => f.name === 'setup.sh')!.text;
    expect(script.split('\n')[0]).toBe('#!/usr/bin/env bash');
  });
});
