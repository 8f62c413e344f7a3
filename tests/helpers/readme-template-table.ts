/**
 * Reads the template table of lessons/README.md (`| template | answer | given | generate |`).
 * In the `given` and `generate` cells a field is a code span outside parentheses, its name
 * first (`stride`, `stride: [..]`, `layers: [{ kernel, … }]`); code inside parentheses
 * explains a field (its values, a default) and is not a field itself.
 */

export interface TemplateRow {
  template: string;
  /** The answer cell's first word: `number`, `grid`, `shape`, `choice` or `yes/no`. */
  answer: string;
  /** Field names, sorted, each once. */
  given: string[];
  generate: string[];
  /** What in the row does not follow the table's format. */
  problems: string[];
}

const HEADER = /^\|\s*template\s*\|\s*answer\s*\|\s*given\s*\|\s*generate\s*\|\s*$/;
const FIELD = /^([a-z][A-Za-z0-9]*)(:.*)?$/s;

export function readTemplateTable(markdown: string): TemplateRow[] {
  const lines = markdown.split('\n');
  const start = lines.findIndex((line) => HEADER.test(line));
  if (start < 0) throw new Error('no `| template | answer | given | generate |` table');
  const rows: TemplateRow[] = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith('|')) break;
    rows.push(readRow(line));
  }
  return rows;
}

function readRow(line: string): TemplateRow {
  // A `|` inside a cell is written `\|`, code spans included.
  const cells = line
    .slice(1, line.trimEnd().endsWith('|') ? line.trimEnd().length - 1 : undefined)
    .split(/(?<!\\)\|/)
    .map((cell) => cell.replaceAll('\\|', '|').trim());
  if (cells.length !== 4) throw new Error(`a row without 4 cells: ${line}`);
  const [templateCell, answerCell, givenCell, generateCell] = cells;
  const template = /^`([^`]+)`$/.exec(templateCell)?.[1];
  if (template === undefined) throw new Error(`a template cell that is not one name: ${line}`);
  const problems: string[] = [];
  return {
    template,
    answer: /^(yes\/no|[a-z]+)/.exec(answerCell)?.[1] ?? answerCell,
    given: fieldsIn(givenCell, (p) => problems.push(`given: ${p}`)),
    generate: fieldsIn(generateCell, (p) => problems.push(`generate: ${p}`)),
    problems,
  };
}

/** The fields a cell names: its code spans outside parentheses. */
function fieldsIn(cell: string, problem: (text: string) => void): string[] {
  const fields = new Set<string>();
  let depth = 0;
  for (let i = 0; i < cell.length; i++) {
    const ch = cell[i];
    if (ch === '(') depth++;
    else if (ch === ')') {
      depth--;
      if (depth < 0) {
        problem('a ")" without its "("');
        depth = 0;
      }
    } else if (ch === '`') {
      const end = cell.indexOf('`', i + 1);
      if (end < 0) {
        problem('a code span without its closing backtick');
        break;
      }
      const code = cell.slice(i + 1, end);
      i = end;
      if (depth > 0) continue;
      const name = FIELD.exec(code)?.[1];
      if (name === undefined) problem(`\`${code}\` is outside parentheses but is not a field name`);
      else fields.add(name);
    }
  }
  if (depth !== 0) problem('a "(" without its ")"');
  return [...fields].sort();
}
