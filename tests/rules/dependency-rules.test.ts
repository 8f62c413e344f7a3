/**
 * The import rules of .dependency-cruiser.cjs, run on src/ (no violation but the temporary
 * known ones, and each known one still real) and on a fixture that breaks every rule once (so
 * a rule whose paths match nothing cannot pass quietly). `npm run rules` runs the same check
 * on its own.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cruise, type ICruiseOptions, type IViolation } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';
import { beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const fixture = fileURLToPath(new URL('../fixtures/rules', import.meta.url));

let options: ICruiseOptions;
let tsConfig: ReturnType<typeof extractTSConfig>;

beforeAll(async () => {
  options = await extractDepcruiseOptions(join(root, '.dependency-cruiser.cjs'));
  tsConfig = extractTSConfig(join(root, 'tsconfig.json'));
});

/** Every violation of a cruise from `baseDir`, known ones included (their severity is 'ignore'). */
async function violations(baseDir: string): Promise<IViolation[]> {
  const result = await cruise(['src'], { ...options, baseDir }, {}, { tsConfig });
  if (typeof result.output === 'string') throw new Error('expected a cruise result, got text');
  return result.output.summary.violations;
}

/** One line per violation: `from → to: rule`, a loop as `a → b → a: no-cycles`. */
function describeViolation(v: IViolation): string {
  const to = v.cycle ? v.cycle.map((step) => step.name).join(' → ') : packageName(v);
  return `${v.from} → ${to}: ${v.rule.name}`;
}

/** A builtin as `node:path`, a package as `npm:yaml` (not its file), a project file as it is. */
function packageName(v: IViolation): string {
  if (v.dependencyTypes?.includes('core')) return `node:${v.to.replace(/^node:/, '')}`;
  return v.to.replace(/^(?:\.\.\/)*node_modules\/((?:@[^/]+\/)?[^/]+)\/.*$/, 'npm:$1');
}

describe('the import rules', () => {
  let found: IViolation[];
  beforeAll(async () => {
    found = await violations(root);
  }, 60_000);

  it('hold in src/, apart from the known violations listed in the config', () => {
    const broken = found.filter((v) => v.rule.severity !== 'ignore').map(describeViolation);
    expect(broken, `import rules broken (.dependency-cruiser.cjs):\n${broken.join('\n')}`).toEqual(
      [],
    );
  });

  it('list no known violation that is gone (delete its entry from the config)', () => {
    const known = options.knownViolations ?? [];
    const ignored = found.filter((v) => v.rule.severity === 'ignore');
    const stillThere = (entry: IViolation): boolean =>
      ignored.some((v) => {
        if (v.rule.name !== entry.rule.name) return false;
        if (!entry.cycle) return v.from === entry.from && v.to === entry.to;
        const files = new Set([v.from, ...(v.cycle ?? []).map((step) => step.name)]);
        return files.size === 2 && files.has(entry.from) && files.has(entry.to);
      });
    const gone = known
      .filter((entry) => !stillThere(entry))
      .map((entry) => `${entry.from} → ${entry.to}: ${entry.rule.name}`);
    expect(gone, `known violations that no longer happen:\n${gone.join('\n')}`).toEqual([]);
  });
});

describe('the rule checker', () => {
  let found: IViolation[];
  beforeAll(async () => {
    found = await violations(fixture);
  }, 60_000);

  it('reports each rule on a fixture that breaks it, and nothing the rules allow', () => {
    expect(found.map(describeViolation).sort()).toEqual(
      [
        'src/engine/tensor.ts → node:path: engine-imports-nothing',
        'src/engine/shape.ts → npm:yaml: engine-imports-nothing',
        'src/i18n/catalog.ts → src/grade/score.ts: shared-leaves-import-only-engine',
        'src/render/grid.ts → src/untrusted/safe-text.ts: render-imports-only-engine',
        'src/request/schema.ts → src/render/grid.ts: request-imports-only-engine',
        'src/content/course.ts → src/tui/app.tsx: content-not-above-it',
        'src/content/course.ts → src/tui/app.tsx: tui-only-from-cli',
        'src/storage/progress-store.ts → src/view/steps.ts: storage-below-the-screens',
        'src/view/steps.ts → src/tui/app.tsx: tui-only-from-cli',
        'src/tui/app.tsx → src/cli/commands.ts: cli-is-the-top',
        'src/grade/score.ts → src/grade/verdict.ts → src/grade/score.ts: no-cycles',
      ].sort(),
    );
  });

  it('has a fixture for every rule in the config', () => {
    const reported = new Set(found.map((v) => v.rule.name));
    const rules = (options.ruleSet?.forbidden ?? []).map((rule) => rule.name ?? '');
    expect(rules.filter((name) => !reported.has(name))).toEqual([]);
  });
});
