/**
 * `cnn-tutor calc [FILE] [--json]`: compute and explain one request or an array of them.
 * A malformed single request exits 2 with one line on stderr and nothing on stdout; in an
 * array, a bad request answers {"error"} in its slot and the others are still computed.
 * Every request is held to the engine's limits (engine/limits.ts) before anything is computed.
 */
import { EngineError, LIMITS, formatCount } from '../engine/index.js';
import { errorText } from '../request/error-text.js';
import { RequestError, parseRequest } from '../request/parse-request.js';
import { readRequestJson } from '../request/read-request.js';
import { type CalcResult, runRequest, toJson } from '../request/run-request.js';
import { textReport } from '../render/report/text-report.js';
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
  if (!Array.isArray(value)) {
    const outcome = compute(value, t);
    if (!outcome.ok) {
      err(`cnn-tutor calc: ${outcome.error}`);
      return EXIT.usage;
    }
    out(flags.json ? JSON.stringify(toJson(outcome.result)) : report(outcome, flags, t));
    return EXIT.ok;
  }
  // One request at a time, printed before the next is computed, so a batch holds one result
  // in memory. The batch shares one budget: once its requests have taken LIMITS.work steps,
  // the rest are not computed (each may take up to the limit, so a batch takes at most twice).
  let spent = 0;
  let failed = false;
  if (flags.json) out('[');
  value.forEach((request, i) => {
    const outcome: Outcome =
      spent >= LIMITS.work
        ? {
            ok: false,
            error: t('cli.calc.batch-spent', {
              spent: formatCount(spent),
              limit: formatCount(LIMITS.work),
            }),
          }
        : compute(request, t);
    if (outcome.ok) spent += outcome.result.work;
    else failed = true;
    const last = i === value.length - 1;
    if (flags.json) {
      const answer = outcome.ok ? toJson(outcome.result) : { error: outcome.error };
      out(`${JSON.stringify(answer)}${last ? '' : ','}`);
    } else {
      const heading = t('cli.calc.request', { n: i + 1, count: value.length });
      out(`${i > 0 ? '\n' : ''}${heading}`);
      out(outcome.ok ? report(outcome, flags, t) : t('cli.calc.error', { error: outcome.error }));
    }
  });
  if (flags.json) out(']');
  return failed ? EXIT.usage : EXIT.ok;
}

function report(outcome: { result: CalcResult }, flags: CalcFlags, t: Translate): string {
  const options = {
    t,
    ascii: flags.ascii ?? false,
    color: flags.color ?? false,
    width: flags.width ?? 80,
  };
  return textReport(outcome.result, options)
    .map((line) => line.trimEnd())
    .join('\n');
}
