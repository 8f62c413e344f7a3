/** readInput's messages come from the message catalog. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { UsageError, readInput } from '../../src/cli/io.js';
import { BASE_LANGUAGE, createTranslator, loadCatalogs } from '../../src/i18n/index.js';

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cnn-tutor-io-'));
  made.push(dir);
  return dir;
}

/** A messages folder: the shipped English catalog with `en` overrides, plus other catalogs. */
function messagesDir(catalogs: Record<string, Record<string, string>>): string {
  const dir = tempDir();
  const english = { ...loadCatalogs().get(BASE_LANGUAGE), ...catalogs.en };
  for (const [lang, messages] of Object.entries({ ...catalogs, en: english })) {
    writeFileSync(join(dir, `${lang}.json`), JSON.stringify(messages));
  }
  return dir;
}

function failure(read: () => unknown): string {
  try {
    read();
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error('expected readInput to throw');
}

describe('readInput', () => {
  const wasTTY = Object.getOwnPropertyDescriptor(process.stdin, 'isTTY');
  // Without a translator the language comes from the environment: make that English.
  beforeEach(() => {
    vi.stubEnv('CNN_TUTOR_LANG', 'en');
  });
  afterEach(() => {
    vi.unstubAllEnvs();
    if (wasTTY) Object.defineProperty(process.stdin, 'isTTY', wasTTY);
    else delete (process.stdin as { isTTY?: boolean }).isTTY;
  });

  it('reads a file', () => {
    const file = join(tempDir(), 'request.json');
    writeFileSync(file, '{"op":"relu"}');
    expect(readInput(file, 'request')).toBe('{"op":"relu"}');
  });

  it('says in English, by default, why a file cannot be read', () => {
    const dir = tempDir();
    expect(failure(() => readInput(join(dir, 'none.json'), 'request'))).toBe(
      `cannot read request ${join(dir, 'none.json')}: no such file`,
    );
    expect(failure(() => readInput(dir, 'roster'))).toBe(
      `cannot read roster ${dir}: it is a folder`,
    );
  });

  it('takes the words from the translator it is given, English where a catalog lacks them', () => {
    const dir = tempDir();
    const messages = messagesDir({
      en: { 'cli.io.reason.folder': 'that is a directory' },
      'pt-BR': { 'cli.io.roster.unreadable': 'não foi possível ler a lista {path}: {reason}' },
    });
    expect(
      failure(() => readInput(dir, 'request', createTranslator('en', { messagesDir: messages }))),
    ).toBe(`cannot read request ${dir}: that is a directory`);
    expect(
      failure(() => readInput(dir, 'roster', createTranslator('pt-BR', { messagesDir: messages }))),
    ).toBe(`não foi possível ler a lista ${dir}: that is a directory`);
  });

  it('refuses a file larger than the limit before reading it, giving both sizes', () => {
    const file = join(tempDir(), 'big.json');
    writeFileSync(file, Buffer.alloc(3 * 1024 * 1024, 0x20));
    expect(failure(() => readInput(file, 'request', undefined, 1024 * 1024))).toBe(
      `cannot read request ${file}: it is 3 MB, more than the 1 MB that is read`,
    );
  });

  it('reads a device no further than the limit', () => {
    expect(failure(() => readInput('/dev/zero', 'roster', undefined, 1024 * 1024))).toBe(
      'cannot read roster /dev/zero: it is more than the 1 MB that is read',
    );
  });

  it('drops a byte-order mark at the start, and only there', () => {
    const file = join(tempDir(), 'bom.json');
    writeFileSync(file, '\ufeff{"op":"relu"}\ufeff');
    expect(readInput(file, 'request')).toBe('{"op":"relu"}\ufeff');
  });

  it('echoes a file name stripped of control characters', () => {
    const name = join(tempDir(), 'a\u001b[2Jb.json');
    expect(failure(() => readInput(name, 'request'))).toBe(
      `cannot read request ${name.replace('\u001b', '?')}: no such file`,
    );
  });

  it('asks for input when stdin is a terminal, with the example as written', () => {
    Object.defineProperty(process.stdin, 'isTTY', { value: true, configurable: true });
    expect(failure(() => readInput(undefined, 'request'))).toBe(
      `no request given: pass a file, or pipe one in (for example: echo '{"op":"relu","input":[[-1,2]]}' | cnn-tutor calc)`,
    );
    const messages = messagesDir({ en: { 'cli.io.roster.missing': 'no roster; try: {example}' } });
    expect(
      failure(() => readInput('-', 'roster', createTranslator('en', { messagesDir: messages }))),
    ).toBe(`no roster; try: echo '{"op":"relu","input":[[-1,2]]}' | cnn-tutor calc`);
  });
});
