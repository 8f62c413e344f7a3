/**
 * Text that came from untrusted input (a submission's answer or key, a file name, a calc
 * request's field) is echoed in reports and error lines, so it is made harmless first: control
 * characters (a terminal escape, a newline that fakes a report line), bidirectional overrides
 * and lone surrogate halves (invalid in XML) become `?`, and long text is cut.
 */

const UNSAFE =
  /^[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufffe\uffff]$/;

/** `text` with unsafe characters replaced and at most `max` characters (then `…`). */
export function safeText(text: string, max = 40): string {
  let out = '';
  let count = 0;
  // for…of walks code points: a valid surrogate pair arrives whole, a lone half on its own.
  for (const c of text) {
    if (count === max) return `${out}…`;
    out += c.length === 1 && UNSAFE.test(c) ? '?' : c;
    count++;
  }
  return out;
}

/** The same, for every string parameter of a message. */
export function safeParams(
  params: Readonly<Record<string, string | number>> | undefined,
  max = 40,
): Record<string, string | number> | undefined {
  if (params === undefined) return undefined;
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(params))
    out[k] = typeof v === 'string' ? safeText(v, max) : v;
  return out;
}
