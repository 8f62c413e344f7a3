/**
 * Where the content files are and how they are named: `lessons/course.yaml`,
 * `lessons/<id>.yaml`, `exercises/<lesson-id>.yaml`, and translation overlays
 * `<id>.<lang>.yaml` next to them.
 */
import {
  closeSync,
  existsSync,
  openSync,
  readFileSync,
  readSync,
  readdirSync,
  statSync,
} from 'node:fs';
import { join } from 'node:path';
import { normalizeLanguageTag } from '../i18n/index.js';
import type { ContentProblem } from './course.js';
import { MAX_CONTENT_BYTES, MAX_LIST_ITEMS } from './limits.js';
import { ID_PATTERN } from './schema.js';
import { type YamlSource, readYaml } from './yaml-source.js';

export const MANIFEST_FILE = 'lessons/course.yaml';
/** Kernels, pictures and networks that lessons and exercises name (see library.ts). */
export const LIBRARY_FILE = 'lessons/library.yaml';

export interface ContentFile {
  /** Relative to the root: `exercises/padding.pt-BR.yaml`. */
  file: string;
  /** The lesson id the file belongs to. */
  id: string;
  /** The overlay's language tag, normalized (`pt-BR`); undefined for a base file. */
  lang?: string;
}

const NAME = /^([^.]+)(?:\.([^.]+))?\.yaml$/;

/**
 * The YAML files of `lessons/` or `exercises/`, sorted by name (the manifest excluded), and
 * a problem for each name that is neither `<id>.yaml` nor `<id>.<lang>.yaml`.
 */
export function listContentFiles(
  root: string,
  dir: 'lessons' | 'exercises',
): { files: ContentFile[]; problems: ContentProblem[] } {
  const files: ContentFile[] = [];
  const problems: ContentProblem[] = [];
  if (!existsSync(join(root, dir))) return { files, problems };
  let names: string[];
  try {
    names = readdirSync(join(root, dir)).sort();
  } catch (error) {
    return {
      files,
      problems: [
        { file: dir, field: '', message: `cannot list the folder: ${(error as Error).message}` },
      ],
    };
  }
  for (const name of names) {
    const file = `${dir}/${name}`;
    if (!/\.ya?ml$/.test(name) || file === MANIFEST_FILE || file === LIBRARY_FILE) continue;
    const m = NAME.exec(name);
    const lang = m?.[2] === undefined ? undefined : normalizeLanguageTag(m[2]);
    if (!m || !ID_PATTERN.test(m[1]) || (m[2] !== undefined && lang === undefined)) {
      problems.push({
        file,
        field: '',
        message: `unexpected file name: expected \`<id>.yaml\` or \`<id>.<lang>.yaml\` (a kebab-case id, a language such as \`pt-BR\`)`,
      });
      continue;
    }
    files.push({ file, id: m[1], lang });
  }
  return { files, problems };
}

/** The line the text reaches at byte `limit`: where a file too large goes past it. */
function lineAt(path: string, limit: number): number | undefined {
  const head = Buffer.alloc(limit);
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const n = readSync(fd, head, 0, limit, 0);
    let line = 1;
    for (let i = 0; i < n; i++) if (head[i] === 0x0a) line++;
    return line;
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Read and parse one file; a missing file is `{ missing: true }`, and a file that cannot be
 * read or parsed, or is too large, a problem.
 */
export function readSource(
  root: string,
  file: string,
): { source?: YamlSource; problems: ContentProblem[]; missing?: boolean } {
  const path = join(root, file);
  const cannot = (message: string, line?: number) => ({
    problems: [{ file, ...(line === undefined ? {} : { line }), field: '', message }],
  });
  let text: string;
  try {
    // Checked first: reading a named pipe would wait forever, a huge file would fill memory.
    const stat = statSync(path);
    if (!stat.isFile()) return cannot('not a file: a lesson or exercise must be a .yaml file');
    if (stat.size > MAX_CONTENT_BYTES)
      return cannot(
        `the file is ${kilobytes(stat.size)}; a lesson or exercise file may be at most ${kilobytes(MAX_CONTENT_BYTES)} (it passes that on this line). A grid has at most ${MAX_LIST_ITEMS} rows and ${MAX_LIST_ITEMS} columns; split a long lesson into two`,
        lineAt(path, MAX_CONTENT_BYTES),
      );
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { problems: [], missing: true };
    return cannot(`cannot read the file: ${(error as Error).message}`);
  }
  return readYaml(file, text);
}

function kilobytes(bytes: number): string {
  return `${Math.ceil(bytes / 1024).toLocaleString('en-US')} KB`;
}
