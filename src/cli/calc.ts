/**
 * `cnn-tutor calc [FILE] [--json]`: compute and explain one request or an array of them.
 * A malformed single request exits 2 with one line on stderr and nothing on stdout; in an
 * array, a bad request answers {"error"} in its slot and the others are still computed.
 */
import { EngineError } from '../engine/index.js';
import { errorText } from '../calc/error-text.js';
import { RequestError, parseRequest } from '../calc/parse-request.js';
import { readRequestJson } from '../calc/read-request.js';
import { type CalcResult, runRequest, toJson } from '../calc/run-request.js';
import { textReport } from '../calc/text-report.js';
import { createTranslator, resolveLanguage } from '../i18n/index.js';
import type { Translate } from '../view/text.js';
import { EXIT, UsageError, readInput } from './io.js';

export interface CalcFlags {
  json?: boolean;
  ascii?: boolean;
  color?: boolean;
  width?: number;
}

type Outcome = { ok: true; result: CalcResult } | { ok: false; error: string };

/** One request computed, or why not in the words of `t`. */
function compute(value: unknown, t: Translate): Outcome {
  try {
    return { ok: true, result: runRequest(parseRequest(value)) };
  } catch (error) {
    if (error instanceof RequestError || error instanceof EngineError)
      return { ok: false, error: errorText(error, t) };
    throw error;
  }
}

/**
 * `t` is the command context's translator; without one, the language comes from the
 * environment (`CNN_TUTOR_LANG`, the locale).
 */
export function runCalc(
  file: string | undefined,
  flags: CalcFlags,
  out: (s: string) => void,
  err: (s: string) => void,
  t: Translate = createTranslator(resolveLanguage()),
): number {
  let text: string;
  try {
    text = readInput(file, 'request', t);
  } catch (error) {
    if (error instanceof UsageError) {
      err(`cnn-tutor calc: ${error.message}`);
      return EXIT.usage;
    }
    throw error;
  }
  const json = readRequestJson(text);
  if (!json.ok) {
    err(`cnn-tutor calc: ${t(json.error.key, json.error.params)}`);
    return EXIT.usage;
  }
  const value = json.value;
  const many = Array.isArray(value);
  const outcomes = (many ? (value as unknown[]) : [value]).map((v) => compute(v, t));
  if (!many && !outcomes[0].ok) {
    err(`cnn-tutor calc: ${outcomes[0].error}`);
    return EXIT.usage;
  }
  if (flags.json) {
    const json = outcomes.map((o) => (o.ok ? toJson(o.result) : { error: o.error }));
    out(JSON.stringify(many ? json : json[0]));
  } else {
    const report = {
      t,
      ascii: flags.ascii ?? false,
      color: flags.color ?? false,
      width: flags.width ?? 80,
    };
    outcomes.forEach((o, i) => {
      if (many)
        out(`${i > 0 ? '\n' : ''}${t('cli.calc.request', { n: i + 1, count: outcomes.length })}`);
      out(
        o.ok
          ? textReport(o.result, report)
              .map((line) => line.trimEnd())
              .join('\n')
          : t('cli.calc.error', { error: o.error }),
      );
    });
  }
  return outcomes.every((o) => o.ok) ? EXIT.ok : EXIT.usage;
}
