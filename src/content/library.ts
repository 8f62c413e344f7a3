/**
 * The course's library (`lessons/library.yaml`): kernels, pictures and networks written once
 * and named, so lessons and exercises refer to them (`input: x`, `kernels: [sharpen]`,
 * `stages: { network: xo-hand-set, through: 3 }`) instead of repeating their numbers. A
 * fraction such as `scale: 1/9` is read as the number it stands for, wherever a scale is
 * written.
 *
 * `resolveNames` replaces the names in a figure, a demo or an exercise's inputs by the data
 * they stand for, before anything else reads them; an unknown name is a content problem with
 * its field, like any other.
 */
import { z } from 'zod';
import type { LocalizedText } from '../i18n/index.js';
import type { ContentProblem, Library, LibraryKernel } from './course.js';
import { LIBRARY_FILE, readSource } from './course-files.js';
import { MAX_LIST_ITEMS } from './limits.js';
import { ID_PATTERN } from './schema.js';
import { type PathKey, fieldName, issueProblems, lineOf } from './yaml-source.js';

export type { Library, LibraryKernel };

export const EMPTY_LIBRARY: Library = { kernels: [], pictures: {}, networks: {} };

const FRACTION = /^\s*(-?\d+(?:\.\d+)?)\s*\/\s*(\d+(?:\.\d+)?)\s*$/;

/** `1/9` → 1/9 (the same number as 0.1111111111111111); anything else is left as it is. */
export function readFraction(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const m = FRACTION.exec(value);
  if (!m) return value;
  const quotient = Number(m[1]) / Number(m[2]);
  return Number.isFinite(quotient) ? quotient : value;
}

const name = z.string().regex(ID_PATTERN, { error: 'a name is kebab-case: `diagonal-down`' });
const grid = z
  .array(z.array(z.number()).min(1).max(MAX_LIST_ITEMS))
  .min(1)
  .max(MAX_LIST_ITEMS)
  .refine((rows) => rows.every((r) => r.length === rows[0].length), {
    error: 'every row must have the same length',
  });
const localized = z.union([
  z.string().min(1),
  z.record(z.string(), z.string().min(1)).refine((t) => typeof t.en === 'string', {
    error: 'a text per language must include `en`',
  }),
]);
const scale = z.union([
  z.number().positive(),
  z.string().regex(FRACTION, { error: 'a scale is a number or a fraction such as `1/9`' }),
]);

const librarySchema = z.strictObject({
  format: z.literal(1, { error: '`format` must be 1 (the version of these file formats)' }),
  kernels: z
    .record(name, z.strictObject({ name: localized, grid, scale: scale.optional() }))
    .optional(),
  pictures: z.record(name, grid).optional(),
  networks: z.record(name, z.array(z.unknown()).min(1).max(MAX_LIST_ITEMS)).optional(),
});

/** The library of the course in `root`; an empty one when the file is missing or broken (with problems). */
export function readLibrary(root: string, problems: ContentProblem[]): Library {
  const read = readSource(root, LIBRARY_FILE);
  problems.push(...read.problems);
  const source = read.source;
  if (!source) return EMPTY_LIBRARY;
  const r = librarySchema.safeParse(source.value);
  if (!r.success) {
    problems.push(...issueProblems(source, r.error.issues));
    return EMPTY_LIBRARY;
  }
  const kernels = Object.entries(r.data.kernels ?? {}).map(([id, k]): LibraryKernel => {
    const value = k.scale === undefined ? 1 : (readFraction(k.scale) as number);
    return {
      id,
      name: typeof k.name === 'string' ? { en: k.name } : (k.name as LocalizedText),
      grid: k.grid,
      scale: value,
      ...(typeof k.scale === 'string' ? { scaleText: k.scale.replace(/\s+/g, '') } : {}),
    };
  });
  const partial: Library = { kernels, pictures: r.data.pictures ?? {}, networks: {} };
  const networks: Record<string, unknown[]> = {};
  for (const [id, stages] of Object.entries(r.data.networks ?? {})) {
    const resolved = resolveNames({ stages }, partial);
    if ('problem' in resolved) {
      const path = ['networks', id, ...resolved.problem.path.slice(1)];
      problems.push({
        file: LIBRARY_FILE,
        line: lineOf(source, path),
        field: fieldName(path),
        message: resolved.problem.message,
      });
      continue;
    }
    networks[id] = (resolved.value as { stages: unknown[] }).stages;
  }
  return { ...partial, networks };
}

/** The library kernel called `id`, or `undefined`. */
export function libraryKernel(library: Library, id: string): LibraryKernel | undefined {
  return library.kernels.find((k) => k.id === id);
}

export interface NameProblem {
  /** Inside the value given to `resolveNames`, e.g. `['stages', 0, 'kernels', 1]`. */
  path: PathKey[];
  message: string;
}

function known(names: Iterable<string>): string {
  const list = [...names];
  return list.length === 0 ? `${LIBRARY_FILE} names none` : `expected one of ${list.join(', ')}`;
}

/**
 * `value` with the library's names replaced by their data: a string `input` (or one in an
 * `input`'s `from` list) is a picture, a string in `kernels` a kernel's grid,
 * `stages: { network, through }` the first `through` stages of a network, and a fraction
 * `scale` its number. A stage naming a kernel with a scale of its own (a blur) must write that
 * scale: it is never added silently.
 */
export function resolveNames(
  value: unknown,
  library: Library,
): { value: unknown } | { problem: NameProblem } {
  try {
    return { value: resolve(value, library, []) };
  } catch (error) {
    if (error instanceof NameError) return { problem: error.problem };
    throw error;
  }
}

class NameError extends Error {
  constructor(readonly problem: NameProblem) {
    super(problem.message);
  }
}

function resolve(value: unknown, library: Library, path: PathKey[]): unknown {
  if (Array.isArray(value)) return value.map((v, i) => resolve(v, library, [...path, i]));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  let kernelScale: number | undefined;
  for (const [key, v] of Object.entries(value)) {
    const at = [...path, key];
    if (key === 'input' && typeof v === 'string') {
      out[key] = picture(v, library, at);
    } else if (key === 'input' && isRecord(v) && Array.isArray(v.from)) {
      // A generated exercise's pictures to draw from: `from: [x, o]`.
      const from = v.from.map((p, i) =>
        typeof p === 'string' ? picture(p, library, [...at, 'from', i]) : p,
      );
      out[key] = { ...(resolve(v, library, at) as object), from };
    } else if (key === 'kernels' && Array.isArray(v) && v.some((k) => typeof k === 'string')) {
      out[key] = v.map((n, i) => {
        if (typeof n !== 'string') return resolve(n, library, [...at, i]);
        const kernel = libraryKernel(library, n);
        if (!kernel)
          throw new NameError({
            path: [...at, i],
            message: `no kernel \`${n}\` in the library: ${known(library.kernels.map((k) => k.id))}`,
          });
        if (kernel.scale !== 1) {
          if (kernelScale !== undefined && kernelScale !== kernel.scale)
            throw new NameError({
              path: at,
              message: 'the kernels named here have different scales; a stage has one scale',
            });
          kernelScale = kernel.scale;
        }
        return kernel.grid;
      });
    } else if (key === 'stages' && isRecord(v)) {
      out[key] = networkStages(v as Record<string, unknown>, library, at);
    } else if (key === 'scale') {
      out[key] = readFraction(v);
    } else {
      out[key] = resolve(v, library, at);
    }
  }
  // A blur named without its scale would silently compute a different picture: ask for it.
  if (kernelScale !== undefined && out.scale !== kernelScale) {
    const written = library.kernels.find((k) => k.scale === kernelScale)?.scaleText;
    throw new NameError({
      path: [...path, out.scale === undefined ? 'kernels' : 'scale'],
      message: `the kernels named here are multiplied by ${written ?? kernelScale}: write \`scale: ${written ?? kernelScale}\` on this stage`,
    });
  }
  return out;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function picture(name: string, library: Library, at: PathKey[]): number[][] {
  const grid = library.pictures[name];
  if (!grid)
    throw new NameError({
      path: at,
      message: `no picture \`${name}\` in the library: ${known(Object.keys(library.pictures))}`,
    });
  return grid;
}

function networkStages(ref: Record<string, unknown>, library: Library, at: PathKey[]): unknown[] {
  const extra = Object.keys(ref).filter((k) => k !== 'network' && k !== 'through');
  if (extra.length > 0 || typeof ref.network !== 'string')
    throw new NameError({
      path: at,
      message:
        '`stages` is a list of stages, or `{ network: <name>, through: <count> }` to take the first stages of a library network',
    });
  const stages = library.networks[ref.network];
  if (!stages)
    throw new NameError({
      path: [...at, 'network'],
      message: `no network \`${ref.network}\` in the library: ${known(Object.keys(library.networks))}`,
    });
  const through = ref.through ?? stages.length;
  if (
    typeof through !== 'number' ||
    !Number.isInteger(through) ||
    through < 0 ||
    through > stages.length
  )
    throw new NameError({
      path: [...at, 'through'],
      message: `\`through\` counts the stages to take: a whole number from 0 to ${stages.length}`,
    });
  return stages.slice(0, through);
}
