/**
 * Which numbers each student gets. Two keyed hashes (HMAC-SHA256), both fixed forever
 * because a class's answers are graded against what they produce (pinned by
 * tests/grade/variant-golden.json):
 *
 *   access code = first 80 bits of HMAC(secret, "cnn-tutor/lab-code/v1␀<lab>␀<student>")
 *   seed        = first 32 bits of HMAC(code,   "cnn-tutor/variant/v1␀<lab>␀<exercise>␀<student>")
 *
 * Without a course secret the key is empty, so anyone can compute every code: fine for
 * practice. With a secret only the teacher can; each student gets their own code (written
 * `ABCD-EFGH-JKMN-PQRS`) to open the lab in the tutor, which gives them their own questions
 * and nobody else's. The teacher regenerates any student's numbers from the secret alone.
 * Student ids are lower-cased first (see `studentKey`). `␀` cannot occur in an id, so no two
 * different (lab, exercise, student) triples hash the same text.
 */
import { createHmac } from 'node:crypto';
import { studentKey } from './student-id.js';

/** Crockford's base 32: no I, L, O or U, so a code read aloud or copied by hand survives. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CODE_CHARS = 16; // 80 bits

/** The course secret as given (`--secret`, `CNN_TUTOR_SECRET`): an empty one counts as none. */
export function normalizeSecret(secret: string | undefined): string | undefined {
  return secret === undefined || secret === '' ? undefined : secret;
}

function hmac(key: string, parts: readonly string[]): Buffer {
  return createHmac('sha256', key).update(parts.join('\0'), 'utf8').digest();
}

function base32(bytes: Uint8Array, chars: number): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5 && out.length < chars) {
      out += ALPHABET[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
    }
    buffer &= (1 << bits) - 1;
  }
  return out;
}

/** `ABCDEFGHJKMNPQRS` → `ABCD-EFGH-JKMN-PQRS`. */
export function formatCode(code: string): string {
  return code.match(/.{1,4}/g)!.join('-');
}

/**
 * A code as typed → its 16 canonical characters, or undefined when it is not a code. Dashes,
 * spaces and case do not matter, and the letters people confuse with digits are read as
 * those digits (O → 0, I and L → 1), as Crockford's alphabet intends.
 */
export function parseCode(text: string): string | undefined {
  const bare = text.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (bare.length !== CODE_CHARS) return undefined;
  return [...bare].every((c) => ALPHABET.includes(c)) ? bare : undefined;
}

/** A student's access code for a lab (canonical form; show it with `formatCode`). */
export function labCode(secret: string | undefined, lab: string, student: string): string {
  const digest = hmac(normalizeSecret(secret) ?? '', [
    'cnn-tutor/lab-code/v1',
    lab,
    studentKey(student),
  ]);
  return base32(digest.subarray(0, 10), CODE_CHARS);
}

/** The seed of one exercise's variant for one student, a whole number in [0, 2³²). */
export function variantSeed(code: string, lab: string, exercise: string, student: string): number {
  const canonical = parseCode(code);
  if (canonical === undefined)
    throw new RangeError(
      `Expected an access code such as ABCD-EFGH-JKMN-PQRS, got ${JSON.stringify(code)}.`,
    );
  return hmac(canonical, ['cnn-tutor/variant/v1', lab, exercise, studentKey(student)]).readUInt32BE(
    0,
  );
}
