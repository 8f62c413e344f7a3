/**
 * Errors shown inside a lesson (a figure the engine refuses) are worded through the same path
 * as calc's: the catalog of the learner's language, so a translation of an engine error shows
 * there too, never the engine's own English.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Step } from '../../src/content/course.js';
import { BASE_LANGUAGE, createTranslator, loadCatalogs } from '../../src/i18n/index.js';
import { plainStyle } from '../../src/render/index.js';
import { figureStepLines } from '../../src/view/steps.js';

const dir = mkdtempSync(join(tmpdir(), 'cnn-tutor-error-words-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
writeFileSync(join(dir, 'en.json'), JSON.stringify(loadCatalogs().get(BASE_LANGUAGE)));
writeFileSync(
  join(dir, 'pt-BR.json'),
  JSON.stringify({
    'tui.figure.failed': 'Esta figura não pôde ser calculada: {error}',
    'engine.error.ragged':
      '`{name}` está irregular: `{at}` devia ser uma lista de tamanho {length}, veio {got}.',
    'engine.value.length': 'tamanho {length}',
  }),
);

function figure(request: unknown): Extract<Step, { type: 'figure' }> {
  return { type: 'figure', text: 'A figure.', request } as Extract<Step, { type: 'figure' }>;
}

describe('a figure the engine refuses', () => {
  it("is worded in the learner's language, the engine's error included", () => {
    const t = createTranslator('pt-BR', { messagesDir: dir });
    const lines = figureStepLines(figure({ op: 'relu', input: [[1, 2], [3]] }), {
      width: 200,
      height: 40,
      t,
      ascii: false,
      style: plainStyle,
    });
    expect(lines).toContain(
      'Esta figura não pôde ser calculada: `input` está irregular: `input[1]` devia ser uma lista de tamanho 2, veio tamanho 1.',
    );
  });
});
