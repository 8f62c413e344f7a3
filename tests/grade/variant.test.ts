/**
 * Variant stability: a class's answers are graded against the numbers these functions pick,
 * so the codes, seeds and drawn inputs in variant-golden.json must never change. If this
 * test fails, src/grade/variant.ts (or a template's drawing) changed: restore it.
 */
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it, test } from 'vitest';
import { variantInputs } from '../../src/content/instantiate.js';
import { loadCourse } from '../../src/content/load-course.js';
import { isStudentId } from '../../src/grade/student-id.js';
import { formatCode, labCode, parseCode, variantSeed } from '../../src/grade/variant.js';

interface Golden {
  codes: Array<{ secret: string | null; lab: string; student: string; code: string }>;
  seeds: Array<{
    secret: string | null;
    lab: string;
    student: string;
    exercise: string;
    seed: number;
  }>;
  variants: {
    course: string;
    cases: Array<{ lab: string; student: string; exercise: string; seed: number; inputs: unknown }>;
  };
}

const golden = JSON.parse(
  readFileSync(new URL('./variant-golden.json', import.meta.url), 'utf8'),
) as Golden;

describe('the variant golden file', () => {
  test.each(golden.codes)(
    'access code of $student for $lab (secret: $secret)',
    ({ secret, lab, student, code }) => {
      expect(formatCode(labCode(secret ?? undefined, lab, student))).toBe(code);
    },
  );

  test.each(golden.seeds)(
    'seed of $exercise for $student in $lab (secret: $secret)',
    ({ secret, lab, student, exercise, seed }) => {
      expect(variantSeed(labCode(secret ?? undefined, lab, student), lab, exercise, student)).toBe(
        seed,
      );
    },
  );

  const root = fileURLToPath(new URL(`../../${golden.variants.course}/`, import.meta.url));
  const { course } = loadCourse({ root });
  test.each(golden.variants.cases)(
    'numbers of $exercise for $student in $lab',
    ({ lab, student, exercise, seed, inputs }) => {
      expect(variantSeed(labCode(undefined, lab, student), lab, exercise, student)).toBe(seed);
      expect(variantInputs(course.exercises.get(exercise)!, seed)).toEqual(inputs);
    },
  );
});

/** An independent reading of the documented derivation (BigInt base 32), to pin the algorithm, not just its outputs. */
function referenceCode(secret: string, lab: string, student: string): string {
  const digest = createHmac('sha256', secret)
    .update(`cnn-tutor/lab-code/v1\0${lab}\0${student.toLowerCase()}`)
    .digest();
  let n = BigInt(`0x${digest.subarray(0, 10).toString('hex')}`);
  let out = '';
  for (let k = 0; k < 16; k++) {
    out = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'[Number(n & 31n)] + out;
    n >>= 5n;
  }
  return out;
}

describe('the derivation', () => {
  it('is HMAC-SHA256 as documented: 80 bits of code, 32 bits of seed', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.stringMatching(/^[a-z0-9]+(-[a-z0-9]+)*$/),
        fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._@+-]{0,20}$/),
        (secret, lab, student) => {
          const code = labCode(secret, lab, student);
          expect(code).toBe(referenceCode(secret, lab, student));
          const seed = createHmac('sha256', code)
            .update(`cnn-tutor/variant/v1\0${lab}\0ex\0${student.toLowerCase()}`)
            .digest()
            .readUInt32BE(0);
          expect(variantSeed(code, lab, 'ex', student)).toBe(seed);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('an empty secret is no secret', () => {
    expect(labCode('', 'lab-1', 'alice')).toBe(labCode(undefined, 'lab-1', 'alice'));
  });

  it('ignores the case of student ids, and nothing else', () => {
    expect(labCode('s', 'lab-1', 'Alice')).toBe(labCode('s', 'lab-1', 'alice'));
    expect(labCode('s', 'lab-1', 'alice')).not.toBe(labCode('s', 'lab-1', 'alice2'));
    expect(labCode('s', 'lab-1', 'alice')).not.toBe(labCode('S', 'lab-1', 'alice'));
    expect(labCode('s', 'lab-1', 'alice')).not.toBe(labCode('s', 'lab-2', 'alice'));
  });

  it('gives every student of a class a different variant', () => {
    const code = (s: string) => labCode('k', 'lab-1', s);
    const seeds = new Set(
      Array.from({ length: 300 }, (_, k) =>
        variantSeed(code(`s${k}`), 'lab-1', 'conv-any-cell', `s${k}`),
      ),
    );
    expect(seeds.size).toBe(300);
  });
});

describe('parseCode', () => {
  test.each([
    ['9Y73-EJJB-CER1-G89K', '9Y73EJJBCER1G89K'],
    ['9y73 ejjb cer1 g89k', '9Y73EJJBCER1G89K'],
    ['9Y73-EJJB-CERl-G89K', '9Y73EJJBCER1G89K'],
    ['9Y73-EJJB-CERI-G89K', '9Y73EJJBCER1G89K'],
    ['0000-0000-0000-000o', '0000000000000000'],
  ])('%s → %s', (typed, canonical) => {
    expect(parseCode(typed)).toBe(canonical);
  });
  test.each([
    '',
    '9Y73-EJJB-CER1',
    '9Y73-EJJB-CER1-G89K-1',
    '9Y73-EJJB-CER1-G89U',
    '../../etc/passwd',
  ])('%j is not a code', (typed) => {
    expect(parseCode(typed)).toBeUndefined();
  });
  it('refuses a bad code when seeding', () => {
    expect(() => variantSeed('nope', 'lab-1', 'x', 'alice')).toThrow(
      'Expected an access code such as ABCD-EFGH-JKMN-PQRS, got "nope".',
    );
  });
});

describe('student ids', () => {
  test.each(['alice', 'Alice', 'alice@uni.example', '2024.0042', 'a_b-c+d', 'a'.repeat(64)])(
    '%s is valid',
    (id) => {
      expect(isStudentId(id)).toBe(true);
    },
  );
  test.each([
    '',
    '../x',
    'x/y',
    'x\\y',
    '.hidden',
    '..',
    'a.',
    'C:x',
    'a b',
    'a\nb',
    'a'.repeat(65),
    '-rf',
    'é',
  ])('%j is refused', (id) => {
    expect(isStudentId(id)).toBe(false);
  });
});
