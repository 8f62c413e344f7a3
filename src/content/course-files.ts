/**
 * Where the content files are and how they are named: `lessons/course.yaml`,
 * `lessons/<id>.yaml`, `exercises/<lesson-id>.yaml`, and translation overlays
 * `<id>.<lang>.yaml` next to them.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { normalizeLanguageTag } from '../i18n/index.js';
import type { ContentProblem } from './course.js';
import { ID_PATTERN } from './schema.js';
import { type YamlSource, readYaml } from './yaml-source.js';

export const MANIFEST_FILE = 'lessons/course.yaml';

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
    if (!/\.ya?ml$/.test(name) || file === MANIFEST_FILE) continue;
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

/** Read and parse one file; a missing file is `{ missing: true }`, a syntax error a problem. */
export function readSource(
  root: string,
  file: string,
): { source?: YamlSource; problems: ContentProblem[]; missing?: boolean } {
  let text: string;
  try {
    text = readFileSync(join(root, file), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { problems: [], missing: true };
    return {
      problems: [{ file, field: '', message: `cannot read the file: ${(error as Error).message}` }],
    };
  }
  return readYaml(file, text);
}
