/**
 * The direction of imports in src/, checked by `npm run rules` and by `npm test`
 * (tests/rules/dependency-rules.test.ts). README.md, "The rules", says them in words.
 *
 * Imports point toward the engine. Each layer, from the bottom up, and what it may import
 * from the project besides itself:
 *   engine                nothing at all (no npm package, no node: builtin either)
 *   i18n, untrusted       the engine
 *   render                the engine (and the npm packages in RENDER_PACKAGES)
 *   request               the engine, i18n, untrusted
 *   content               what is below it; never storage, view, grade, tui or cli
 *   storage               content and what is below it
 *   view, grade, train    anything but the tui and the cli
 *   tui                   anything but the cli; only the cli imports it
 *   cli                   everything; nothing imports it
 * And no two files import each other, directly or round a loop.
 */

// The CLI is `src/cli.tsx` and the folder `src/cli/`.
const CLI = '^src/(cli/|cli[.]tsx$)';

// npm packages the renderer may use: measuring the cells a string takes on screen.
const RENDER_PACKAGES = ['string-width'];

// Resolved npm paths start with node_modules/ (or ../…/node_modules/ for the rule tests' fixture).
const inNodeModules = (names) => `(^|/)node_modules/(${names.join('|')})/`;

/**
 * TEMPORARY: the violations main still has, each removed by an item of issue 12 that is under
 * way. Each is a from/to pair; for `no-cycles` the pair is the two files of a loop. When the
 * item lands, delete its entries: tests/rules/dependency-rules.test.ts fails on an entry that
 * no longer matches a violation, so the list can only shrink.
 */
const TEMPORARY_KNOWN_VIOLATIONS = [
];

/** The known violations as dependency-cruiser's baseline: a loop is matched by its files. */
const baseline = TEMPORARY_KNOWN_VIOLATIONS.map(({ rule, from, to }) => ({
  type: rule === 'no-cycles' ? 'cycle' : 'dependency',
  from,
  to,
  rule: { name: rule, severity: 'error' },
  ...(rule === 'no-cycles'
    ? { cycle: [to, from].map((name) => ({ name, dependencyTypes: [] })) }
    : {}),
}));

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'engine-imports-nothing',
      comment:
        'The engine is pure: a file in src/engine/ imports only other files in src/engine/ ' +
        '(no npm package, no node: builtin, nothing else from the project).',
      severity: 'error',
      from: { path: '^src/engine/' },
      to: { pathNot: '^src/engine/' },
    },
    {
      name: 'render-imports-only-engine',
      comment:
        'The renderer turns engine data into lines of text: a file in src/render/ imports only ' +
        'src/engine/, src/render/ and the npm packages ' +
        RENDER_PACKAGES.join(', ') +
        ' (no Ink, no node: builtin).',
      severity: 'error',
      from: { path: '^src/render/' },
      to: { pathNot: ['^src/(engine|render)/', inNodeModules(RENDER_PACKAGES)] },
    },
    {
      name: 'shared-leaves-import-only-engine',
      comment:
        'The message catalog (src/i18n/) and the readers of untrusted text (src/untrusted/) are ' +
        'used by every layer above the engine: from the project they import only src/engine/ ' +
        'and each other.',
      severity: 'error',
      from: { path: '^src/(i18n|untrusted)/' },
      to: { path: '^src/', pathNot: '^src/(engine|i18n|untrusted)/' },
    },
    {
      name: 'request-imports-only-engine',
      comment:
        'The JSON request vocabulary (src/request/) is built on the engine: it ' +
        'imports only src/engine/, src/i18n/, src/untrusted/ and itself from the project, so ' +
        'content, view and the CLI can all use it.',
      severity: 'error',
      from: { path: '^src/request/' },
      to: { path: '^src/', pathNot: '^src/(engine|i18n|untrusted|request)/' },
    },
    {
      name: 'storage-below-the-screens',
      comment:
        'Persistence (src/storage/) keeps the course and progress on disk between runs: from the ' +
        'project it imports only src/content/ (what it stores), src/engine/, src/i18n/, ' +
        'src/untrusted/ and itself, never the screens, views, grading, training or commands.',
      severity: 'error',
      from: { path: '^src/storage/' },
      to: { path: '^src/', pathNot: '^src/(content|engine|i18n|untrusted|storage)/' },
    },
    {
      name: 'content-not-above-it',
      comment:
        'The course content never imports what is built on it: nothing in src/content/ imports ' +
        'the CLI, the tui, grading, the lesson views or the storage that keeps content on disk ' +
        '(src/cli/, src/tui/, src/grade/, src/view/, src/storage/).',
      severity: 'error',
      from: { path: '^src/content/' },
      to: { path: ['^src/(tui|grade|view|storage)/', CLI] },
    },
    {
      name: 'tui-only-from-cli',
      comment:
        'Only the command line loads the Ink interface: nothing outside src/cli/ (and src/tui/ ' +
        'itself) imports src/tui/.',
      severity: 'error',
      from: { path: '^src/', pathNot: ['^src/tui/', CLI] },
      to: { path: '^src/tui/' },
    },
    {
      name: 'cli-is-the-top',
      comment: 'The command line is on top: nothing outside it imports src/cli/ or src/cli.tsx.',
      severity: 'error',
      from: { path: '^src/', pathNot: CLI },
      to: { path: CLI },
    },
    {
      name: 'no-cycles',
      comment:
        'No two files in src/ depend on each other, directly or round a loop, counting ' +
        'type-only imports and lazy import() too: a loop means the two belong in one file or ' +
        'a third file holds what they share.',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
  ],
  options: {
    // Type-only imports count: they are a dependency of the design even when they vanish
    // from the JavaScript.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
    // Ink and its friends are ES modules with an `exports` map only.
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types'],
    },
    knownViolations: baseline,
  },
};
