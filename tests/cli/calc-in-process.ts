/** `cnn-tutor calc` run in-process on a request written to a temporary file. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCalc } from '../../src/cli/calc.js';

/**
 * Calc on `request` (a value, or text written as it is), 80 columns wide; the exit code, what
 * it printed, and the JSON it printed when `json`.
 */
export function calc(request: unknown, json = true) {
  const dir = mkdtempSync(join(tmpdir(), 'calc-'));
  const file = join(dir, 'request.json');
  writeFileSync(file, typeof request === 'string' ? request : JSON.stringify(request));
  const out: string[] = [];
  const err: string[] = [];
  const code = runCalc(
    file,
    { json, width: 80 },
    (s) => out.push(s),
    (s) => err.push(s),
  );
  return {
    code,
    stdout: out.join('\n'),
    stderr: err.join('\n'),
    json: () => JSON.parse(out.join('\n')),
  };
}
