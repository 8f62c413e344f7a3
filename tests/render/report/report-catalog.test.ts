/**
 * The calc report takes its words from the message catalog: a catalog that says something else
 * changes the report, and a translation needs no change to the code.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseRequest } from '../../../src/request/parse-request.js';
import { runRequest } from '../../../src/request/run-request.js';
import { type ReportTranslate, textReport } from '../../../src/render/report/text-report.js';
import { runCalc } from '../../../src/cli/calc.js';
import { BASE_LANGUAGE, createTranslator, loadCatalogs } from '../../../src/i18n/index.js';
import { BINARY_IMAGE, X_KERNEL } from '../../fixtures/lectures.js';

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** A messages folder: the shipped English catalog with `en` overrides, plus other catalogs. */
function messagesDir(catalogs: Record<string, Record<string, string>>): string {
  const dir = mkdtempSync(join(tmpdir(), 'cnn-tutor-report-catalog-'));
  made.push(dir);
  const english = { ...loadCatalogs().get(BASE_LANGUAGE), ...catalogs.en };
  for (const [lang, messages] of Object.entries({ ...catalogs, en: english })) {
    writeFileSync(join(dir, `${lang}.json`), JSON.stringify(messages));
  }
  return dir;
}

function report(request: unknown, t: ReportTranslate): string[] {
  return textReport(runRequest(parseRequest(request)), {
    t,
    ascii: false,
    color: false,
    width: 80,
  }).map((line) => line.trimEnd());
}

const LECTURE_CONV = { op: 'conv2d', input: BINARY_IMAGE, kernels: [X_KERNEL] };

describe('the calc report speaks the catalog', () => {
  it('prints the heading over the written-out windows as the catalog has it', () => {
    const english = report(LECTURE_CONV, createTranslator('en'));
    expect(english).toContain('Every window, written out (padding reads as 0):');

    const dir = messagesDir({ en: { 'calc.report.every-window': 'Each window in full:' } });
    const lines = report(LECTURE_CONV, createTranslator('en', { messagesDir: dir }));
    expect(lines).toContain('Each window in full:');
    expect(lines).not.toContain('Every window, written out (padding reads as 0):');
    // Only that line differs: the sums are notation and stay as they are.
    expect(lines.filter((line) => !english.includes(line))).toEqual(['Each window in full:']);
  });

  it('is translated by adding a catalog, with plurals and the English fallback', () => {
    const dir = messagesDir({
      'pt-BR': {
        'calc.report.layout':
          'Formato (C,H,W): entrada {input}, {window}, passo {stride}, preenchimento {padding} → saída {output}.',
        'calc.report.kernel-size': 'kernel {size}',
        'calc.report.padding-none': 'nenhum',
        'calc.report.stage.dense':
          'densa: {units, plural, one {# unidade} other {# unidades}}, uma linha de pesos cada',
        'calc.report.params.dense':
          '{weights} pesos + {biases} vieses = {total} parâmetros ({per} por unidade).',
      },
    });
    const t = createTranslator('pt-BR', { messagesDir: dir });
    expect(report(LECTURE_CONV, t).slice(0, 2).join(' ')).toBe(
      'Formato (C,H,W): entrada 1×5×5, kernel 3×3, passo 1×1, preenchimento nenhum → saída 1×3×3.',
    );
    expect(report({ op: 'params', layer: 'dense', inputs: 100, units: 32 }, t)).toEqual([
      '3200 pesos + 32 vieses = 3232 parâmetros (101 por unidade).',
    ]);
    const pipeline = {
      op: 'pipeline',
      input: [1, 2],
      stages: [{ op: 'dense', weights: [[1, 1]] }],
    };
    expect(report(pipeline, t)).toContain('1. densa: 1 unidade, uma linha de pesos cada → 1');
    // Untranslated keys fall back to English.
    expect(report(LECTURE_CONV, t)).toContain('Every window, written out (padding reads as 0):');
  });

  it('numbers the requests of an array with the translator calc is given', () => {
    const dir = messagesDir({
      en: { 'cli.calc.request': '== {n}/{count} ==', 'cli.calc.error': 'failed: {error}' },
    });
    const requests = mkdtempSync(join(tmpdir(), 'cnn-tutor-report-requests-'));
    made.push(requests);
    const file = join(requests, 'requests.json');
    writeFileSync(file, JSON.stringify([{ op: 'softmax', input: [0, 0] }, { op: 'nope' }]));
    const out: string[] = [];
    const code = runCalc(
      file,
      { width: 80 },
      (s) => out.push(s),
      () => {},
      createTranslator('en', { messagesDir: dir }),
    );
    expect(code).toBe(2);
    expect(out[0]).toBe('== 1/2 ==');
    expect(out[2]).toBe('\n== 2/2 ==');
    expect(out[3]).toMatch(/^failed: /);
  });
});
