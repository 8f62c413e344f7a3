/**
 * The tutor's keymap table (src/tui/keymap.ts) with the shell's chrome and field keys layered
 * under it, as the shell reads them: which command a key means in each context, that no key
 * means two things, that every label is in the catalog, and what the footer and help say.
 */
import { describe, expect, test } from 'vitest';
import type { Course } from '../../src/content/course.js';
import { hasMessage } from '../../src/i18n/index.js';
import { plainStyle } from '../../src/render/index.js';
import { COMMANDS, type KeyContext, TUTOR_FLAG } from '../../src/tui/keymap.js';
import { FLAG, type Layer } from '../../src/tui/shell/chrome.js';
import { packFooter } from '../../src/tui/shell/footer.js';
import { decodeEvent } from '../../src/tui/shell/input/key-press.js';
import {
  type KeySpec,
  type KeyState,
  type Typing,
  boundCommands,
  commandFor,
  footerItems,
  helpItems,
  keyLabel,
  matchesKey,
} from '../../src/tui/shell/keymap.js';
import { keyLayers } from '../../src/tui/shell/screen.js';
import { keyStateOf } from '../../src/tui/state/key-state.js';
import { initialState } from '../../src/tui/state/reducer.js';
import type { TutorState } from '../../src/tui/state/types.js';
import { fixtureCourse, fixtureEnv, freshProgress, LESSONS, t } from './fixture.js';
import { KEYS } from '../helpers/fake-terminal.js';
import {
  CELL,
  DEMO,
  atCell,
  atDemo,
  atMap,
  demoNext,
  driveTutor,
  env,
  next,
  open,
  run,
  start,
  tutorDef,
  typeIn,
} from './tutor-driver.js';
import { driveScreen } from './shell-driver.js';

const TUTOR_FLAGS = Object.values(TUTOR_FLAG);
const CONTEXTS: KeyContext[] = [
  'home',
  'complete',
  'step',
  'demo',
  'prediction',
  'exercise',
  'answer',
  'grid-editor',
];

/** The flags the tutor's key state sets itself for a context (see state/key-state.ts). */
function ownFlags(context: KeyContext): string[] {
  if (context === 'home' || context === 'grid-editor') return [FLAG.arrows];
  if (context === 'prediction' || context === 'answer') return [FLAG.field];
  return [];
}

function typings(context: KeyContext): Typing[] {
  if (context === 'grid-editor') return ['text'];
  return context === 'prediction' || context === 'answer' ? ['empty', 'text'] : ['none'];
}

/** Every subset of the tutor's conditional flags. */
const FLAG_SETS: string[][] = Array.from({ length: 1 << TUTOR_FLAGS.length }, (_, bits) =>
  TUTOR_FLAGS.filter((_, i) => (bits & (1 << i)) !== 0),
);

/** Every key state the tutor can be in, each with and without a body that scrolls. */
function allStates(): KeyState[] {
  return CONTEXTS.flatMap((context) =>
    typings(context).flatMap((typing) =>
      FLAG_SETS.map((flags) => ({
        context,
        typing,
        flags: new Set([...flags, ...ownFlags(context)]),
      })),
    ),
  );
}

/** The keymap as the shell reads it: the tutor's table, then the chrome, then the field's keys. */
function layers(state: KeyState, layer: Layer = 'screen', scrollable = true) {
  const extra = scrollable ? [FLAG.scrollable, FLAG.helpScrollable] : [];
  return keyLayers(COMMANDS, state, layer, extra);
}

function state(context: KeyContext, typing: Typing = 'none', flags: string[] = []): KeyState {
  return { context, typing, flags: new Set([...flags, ...ownFlags(context)]) };
}

/** The bytes a terminal sends for a key of the table. */
const BYTES: Record<string, string> = {
  left: KEYS.left,
  right: KEYS.right,
  up: KEYS.up,
  down: KEYS.down,
  pageup: '\x1b[5~',
  pagedown: KEYS.pageDown,
  home: '\x1b[H',
  end: '\x1b[F',
  enter: KEYS.enter,
  escape: KEYS.escape,
  tab: KEYS.tab,
  space: ' ',
  backspace: KEYS.backspace,
};

function bytesOf(spec: KeySpec): string {
  if (spec.startsWith('ctrl+')) return String.fromCharCode(spec.charCodeAt(5) - 96);
  return BYTES[spec] ?? spec;
}

/** The command a key (as bytes) means in a key state, or undefined. */
function meaning(raw: string, s: KeyState, layer: Layer = 'screen', scrollable = true) {
  const [key] = decodeEvent(raw);
  return commandFor(layers(s, layer, scrollable), key)?.id;
}

const ALL = TUTOR_FLAGS;
const PRINTABLE = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i));

describe('what a key means', () => {
  test.each([
    ['→ in a prose step', KEYS.right, state('step'), 'next-step'],
    ['l in a prose step', 'l', state('step'), 'next-step'],
    ['n in a prose step', 'n', state('step'), 'next-step'],
    ['p in a prose step', 'p', state('step'), 'prev-step'],
    ['← in a prose step', KEYS.left, state('step'), 'prev-step'],
    // h is the hint key in an exercise, so it no longer steps back outside the demo.
    ['h in a prose step', 'h', state('step', 'none', ALL), undefined],
    ['h in an exercise', 'h', state('exercise', 'none', ALL), 'hint'],
    ['h in an exercise with every hint shown', 'h', state('exercise'), undefined],
    ['Ctrl+T in the answer line', '\x14', state('answer', 'text', ALL), 'hint'],
    ['h in the answer line', 'h', state('answer', 'text', ALL), undefined],
    ['→ in the demo', KEYS.right, state('demo'), 'demo-next'],
    ['← in the demo', KEYS.left, state('demo'), 'demo-prev'],
    ['h in the demo', 'h', state('demo'), 'prev-step'],
    ['p in the demo', 'p', state('demo'), 'padding'],
    ['n in the demo', 'n', state('demo'), 'next-step'],
    ['l in the demo', 'l', state('demo'), 'next-step'],
    ['+ in the demo', '+', state('demo'), 'stride-up'],
    ['= in the demo', '=', state('demo'), 'stride-up'],
    ['- in the demo', '-', state('demo'), 'stride-down'],
    ['space in the demo', ' ', state('demo'), 'demo-play'],
    ['e in the demo', 'e', state('demo'), 'demo-end'],
    ['End in the demo', '\x1b[F', state('demo'), 'demo-end'],
    ['Enter in a prediction', KEYS.enter, state('prediction', 'text'), 'check-prediction'],
    ['Esc in a prediction', KEYS.escape, state('prediction', 'empty'), 'skip-prediction'],
    ['Esc in a step', KEYS.escape, state('step'), 'back'],
    ['Esc in an exercise', KEYS.escape, state('exercise'), 'back'],
    ['Esc in the answer line', KEYS.escape, state('answer', 'text'), 'leave-answer'],
    ['Enter in the answer line', KEYS.enter, state('answer', 'text'), 'submit'],
    ['Enter in an exercise', KEYS.enter, state('exercise'), 'focus-answer'],
    ['i in an exercise', 'i', state('exercise'), 'focus-answer'],
    ['s in an exercise', 's', state('exercise'), 'show-me'],
    ['→ in an empty answer line', KEYS.right, state('answer', 'empty'), 'next-step'],
    ['← in an empty answer line', KEYS.left, state('answer', 'empty'), 'prev-step'],
    // The field moves its own cursor and erases: the key is the field's, no command of the tutor.
    ['→ in a typed answer line', KEYS.right, state('answer', 'text'), 'cursor-right'],
    ['Home in a typed answer line', '\x1b[H', state('answer', 'text'), 'cursor-home'],
    ['Backspace in a typed answer line', KEYS.backspace, state('answer', 'text'), 'erase-back'],
    ['Ctrl+U in a typed answer line', '\x15', state('answer', 'text'), 'clear-line'],
    ['Backspace in an empty answer line', KEYS.backspace, state('answer', 'empty'), undefined],
    ['q in the answer line', 'q', state('answer', 'empty'), undefined],
    ['? in the answer line', '?', state('answer', 'text'), undefined],
    ['Ctrl+C in the answer line', KEYS.ctrlC, state('answer', 'text'), 'quit'],
    ['Ctrl+C when asked to quit', KEYS.ctrlC, state('step'), 'confirm-quit', 'quit-confirm'],
    ['y when asked to quit', 'y', state('step'), 'confirm-quit', 'quit-confirm'],
    ['n when asked to quit', 'n', state('step'), 'cancel-quit', 'quit-confirm'],
    ['Esc when asked to quit', KEYS.escape, state('step'), 'cancel-quit', 'quit-confirm'],
    ['? in help', '?', state('step'), 'close-help', 'help'],
    ['q in help', 'q', state('step'), 'close-help', 'help'],
    ['Ctrl+C in help', KEYS.ctrlC, state('step'), 'quit', 'help'],
    ['↓ in help', KEYS.down, state('step'), 'scroll-down', 'help'],
    ['r in a generated exercise', 'r', state('exercise', 'none', ALL), 'new-variant'],
    ['r in a fixed exercise', 'r', state('exercise'), undefined],
    ['g for a grid answer', 'g', state('exercise', 'none', ALL), 'open-grid'],
    ['g for a number answer', 'g', state('exercise'), undefined],
    ['Tab in the answer line of a grid', KEYS.tab, state('answer', 'text', ALL), 'open-grid'],
    ['↓ in a step that scrolls', KEYS.down, state('step'), 'scroll-down'],
    ['PgDn in a step that scrolls', KEYS.pageDown, state('step'), 'page-down'],
    ['↓ in the grid editor', KEYS.down, state('grid-editor', 'text'), 'cell-down'],
    ['PgDn in the grid editor', KEYS.pageDown, state('grid-editor', 'text'), 'page-down'],
    ['Tab in the grid editor', KEYS.tab, state('grid-editor', 'text', ALL), 'next-cell'],
    ['DEL in the grid editor', KEYS.backspace, state('grid-editor', 'text'), 'erase-cell'],
    ['Esc in the grid editor', KEYS.escape, state('grid-editor', 'text'), 'close-grid'],
    ['Enter in the grid editor', KEYS.enter, state('grid-editor', 'text'), 'submit'],
    ['↓ on Home', KEYS.down, state('home'), 'select-down'],
    ['k on Home', 'k', state('home'), 'select-up'],
    ['→ on Home', KEYS.right, state('home'), 'open-lesson'],
    ['c on Home', 'c', state('home', 'none', ALL), 'continue'],
    ['c on Home with nothing to continue', 'c', state('home'), undefined],
    // A run too long for keys typed fast is a paste, and a paste is never a command.
    ['a pasted sentence on Home', 'quit now please', state('home', 'none', ALL), undefined],
    ['t in the X/O lesson', 't', state('step', 'none', [TUTOR_FLAG.trainer]), 'open-trainer'],
    ['d in the X/O demo', 'd', state('demo', 'none', [TUTOR_FLAG.draw]), 'open-draw'],
    ['t in another lesson', 't', state('step'), undefined],
    ['q on the too-small screen', 'q', state('step'), 'quit', 'too-small'],
    ['Enter on the too-small screen', KEYS.enter, state('step'), undefined, 'too-small'],
  ] as const)('%s', (_name, raw, s, expected, layer: Layer = 'screen') => {
    expect(meaning(raw, s, layer)).toBe(expected);
  });

  test('↓ means nothing when there is nothing to scroll', () => {
    expect(meaning(KEYS.down, state('step'), 'screen', false)).toBeUndefined();
    expect(meaning(KEYS.pageDown, state('exercise'), 'screen', false)).toBeUndefined();
  });

  test('typing into a field never triggers a shortcut, whatever the character', () => {
    for (const s of allStates().filter((x) => x.typing !== 'none')) {
      for (const char of PRINTABLE) {
        expect(meaning(char, s), `${s.context}/${s.typing}: ${JSON.stringify(char)}`).toBe(
          undefined,
        );
      }
    }
  });

  test('no two commands of one context share a key', () => {
    const overlays: Layer[] = ['help', 'quit-confirm', 'too-small'];
    for (const s of allStates()) {
      for (const layer of ['screen', ...overlays] as Layer[]) {
        for (const scrollable of [false, true]) {
          const seen = new Map<string, string>();
          for (const { command, keys } of boundCommands(layers(s, layer, scrollable))) {
            for (const k of keys) {
              const where = `${s.context}/${s.typing}/${[...(s.flags ?? [])].join(',')}/${layer}`;
              expect(seen.get(k), `${where}: ${k} is ${seen.get(k)} and ${command.id}`).toBe(
                undefined,
              );
              seen.set(k, command.id);
            }
          }
        }
      }
    }
  });

  test('every key of the table is what a terminal sends for it', () => {
    for (const command of COMMANDS) {
      for (const spec of command.keys) {
        const keys = decodeEvent(bytesOf(spec));
        expect(keys, spec).toHaveLength(1);
        expect(matchesKey(spec, keys[0]), spec).toBe(true);
      }
    }
  });
});

describe('the key state of the tutor', () => {
  const xoCourse: Course = {
    ...fixtureCourse(),
    lessons: [{ ...LESSONS[0], tools: ['trainer', 'draw'] }, LESSONS[1]],
  };
  const xoEnv = fixtureEnv(xoCourse);
  const keysOf = (s: TutorState, e = env) => {
    const k = keyStateOf(s, e);
    return { context: k.context, typing: k.typing, flags: [...(k.flags ?? [])].sort() };
  };

  test.each([
    ['Home', () => start(), 'home', 'none', [FLAG.arrows]],
    ['a prose step', () => run(start(), open()), 'step', 'none', []],
    ['the demo', atDemo, 'demo', 'none', []],
    [
      'a prediction',
      () => run(atDemo(), demoNext, demoNext, demoNext, demoNext),
      'prediction',
      'empty',
      [FLAG.field],
    ],
    [
      'a typed prediction',
      () => run(atDemo(), demoNext, demoNext, demoNext, demoNext, typeIn(DEMO, '2')),
      'prediction',
      'text',
      [FLAG.field],
    ],
    ['the answer line', atCell, 'answer', 'empty', [FLAG.field, TUTOR_FLAG.hints]],
    [
      'a typed answer',
      () => run(atCell(), typeIn(CELL, '4')),
      'answer',
      'text',
      [FLAG.field, TUTOR_FLAG.hints],
    ],
    [
      'an exercise with every hint shown',
      () =>
        run(
          atCell(),
          { type: 'answer/focus', focus: 'keys' },
          { type: 'exercise/hint' },
          { type: 'exercise/hint' },
        ),
      'exercise',
      'none',
      [],
    ],
    [
      'a grid exercise',
      () => run(atMap(), { type: 'answer/focus', focus: 'keys' }),
      'exercise',
      'none',
      [TUTOR_FLAG.gridAnswer, TUTOR_FLAG.hints],
    ],
    [
      'the grid editor',
      () => run(atMap(), { type: 'grid/open' }),
      'grid-editor',
      'text',
      [FLAG.arrows, TUTOR_FLAG.gridAnswer, TUTOR_FLAG.hints],
    ],
    [
      'a generated exercise',
      () => run(start(), open(1), next, { type: 'answer/focus', focus: 'keys' }),
      'exercise',
      'none',
      [TUTOR_FLAG.generated, TUTOR_FLAG.hints],
    ],
  ] as const)('%s', (_name, make, context, typing, flags) => {
    expect(keysOf(make())).toEqual({ context, typing, flags: [...flags].sort() });
  });

  test('Home can continue once the learner has started, even where the lesson left is gone', () => {
    expect(keysOf(initialState(env, { progress: freshProgress() })).flags).not.toContain(
      TUTOR_FLAG.canContinue,
    );
    const progress = { ...freshProgress(), last: { lesson: 'padding', step: 1 } };
    expect(keysOf(initialState(env, { progress })).flags).toContain(TUTOR_FLAG.canContinue);
    // Continue then finds the first lesson not finished.
    const gone = { ...freshProgress(), last: { lesson: 'removed', step: 1 } };
    expect(keysOf(initialState(env, { progress: gone })).flags).toContain(TUTOR_FLAG.canContinue);
  });

  test('a lesson that declares the trainer and the draw screen offers them on each of its steps', () => {
    const home = initialState(xoEnv, { progress: freshProgress() });
    const lesson = (step: number): TutorState => ({ ...home, screen: 'lesson', lesson: 0, step });
    for (const step of [0, 1, 4]) {
      expect(keysOf(lesson(step), xoEnv).flags).toContain(TUTOR_FLAG.trainer);
      expect(keysOf(lesson(step), xoEnv).flags).toContain(TUTOR_FLAG.draw);
    }
    expect(keysOf(home, xoEnv).flags).not.toContain(TUTOR_FLAG.trainer);
    // The same lesson without the tools declared: no t, no d.
    for (const flag of [TUTOR_FLAG.trainer, TUTOR_FLAG.draw])
      expect(keysOf(run(start(), open()), env).flags).not.toContain(flag);
    const onlyDraw = fixtureEnv({
      ...fixtureCourse(),
      lessons: [{ ...LESSONS[0], tools: ['draw'] }, LESSONS[1]],
    });
    const drawFlags = keysOf({ ...home, screen: 'lesson', lesson: 0, step: 0 }, onlyDraw).flags;
    expect(drawFlags).toContain(TUTOR_FLAG.draw);
    expect(drawFlags).not.toContain(TUTOR_FLAG.trainer);
  });
});

describe('the catalog has every string the keymap shows', () => {
  const bound = new Map<string, { label: string; group?: string; keys: Set<string> }>();
  for (const s of allStates()) {
    for (const layer of ['screen', 'help', 'quit-confirm', 'too-small'] as Layer[]) {
      for (const { command, keys } of boundCommands(layers(s, layer))) {
        const entry = bound.get(command.label) ?? {
          label: command.label,
          ...(command.group ? { group: command.group } : {}),
          keys: new Set<string>(),
        };
        keys.forEach((k) => entry.keys.add(k));
        bound.set(command.label, entry);
      }
    }
  }

  test('every command of the table can be bound somewhere', () => {
    for (const command of COMMANDS) expect(bound.has(command.label), command.id).toBe(true);
  });

  test.each([...bound.values()].map((e) => [e.label, e] as const))('%s', (_label, entry) => {
    expect(hasMessage(entry.label)).toBe(true);
    if (entry.group) expect(hasMessage(entry.group), entry.group).toBe(true);
    for (const k of entry.keys) {
      const shown = keyLabel(k, t);
      expect(shown).not.toBe('');
      expect(shown).not.toMatch(/^shell\.key\./);
    }
  });
});

describe('footer and help', () => {
  const footerAt = (d: ReturnType<typeof driveTutor>): string[] => {
    const lines = d.lines();
    const view = d.frame().view;
    // The footer is the last lines of the frame; two at most.
    const below = view.kind === 'main' ? view.below.length : 2;
    return lines.slice(-Math.min(2, below));
  };
  const asking = () => run(atDemo(), demoNext, demoNext, demoNext, demoNext);

  test.each([
    ['Home', () => driveTutor(), ['↑/↓ choose  Enter open the lesson  ? all keys  q quit']],
    [
      'Home with a lesson to continue',
      () =>
        driveTutor(
          initialState(env, {
            progress: { ...freshProgress(), last: { lesson: 'padding', step: 1 } },
          }),
        ),
      ['↑/↓ choose  Enter open the lesson  c continue where you left off  ? all keys', 'q quit'],
    ],
    [
      'a prose step',
      () => driveTutor(run(start(), open())),
      ['←/→ step  Esc back to the lessons  ? all keys  q quit'],
    ],
    [
      'the demo',
      () => driveTutor(atDemo()),
      [
        '←/→ cell  Space play / pause  e jump to the end  -/+ stride  p next padding',
        'h/n step  Esc back to the lessons  ? all keys  q quit',
      ],
    ],
    [
      'a prediction',
      () => driveTutor(asking()),
      ['Enter check the prediction  Esc skip, just show it  Ctrl+C quit'],
    ],
    [
      'an exercise',
      () => driveTutor(atCell()).press(KEYS.escape),
      [
        '←/→ step  h a hint  Enter type an answer  s show me the solution',
        'Esc back to the lessons  ? all keys  q quit',
      ],
    ],
    [
      'a generated exercise',
      () => driveTutor(run(start(), open(1), next)).press(KEYS.escape),
      [
        '←/→ step  h a hint  Enter type an answer  s show me the solution  r new numbers',
        'Esc back to the lessons  ? all keys  q quit',
      ],
    ],
    [
      'an empty answer line',
      () => driveTutor(atCell()),
      ['←/→ step  Ctrl+T a hint  Enter check the answer  Esc leave the answer line', 'Ctrl+C quit'],
    ],
    [
      'a typed answer line: no letter keys, no ←/→',
      () => driveTutor(run(atCell(), typeIn(CELL, '4'))),
      ['Ctrl+T a hint  Enter check the answer  Esc leave the answer line  Ctrl+C quit'],
    ],
    [
      'the answer line of a grid',
      () => driveTutor(atMap()),
      [
        '←/→ step  Ctrl+T a hint  Enter check the answer  Tab grid editor',
        'Esc leave the answer line  Ctrl+C quit',
      ],
    ],
    [
      'the grid editor',
      () => driveTutor(atMap()).press(KEYS.tab),
      [
        'Enter check the answer  ←/→/↑/↓ move  Tab next cell  Backspace erase a character',
        'Esc back to the answer line  Ctrl+C quit',
      ],
    ],
    [
      'the quit question',
      () => driveTutor(run(atCell(), typeIn(CELL, '4'))).press(KEYS.ctrlC),
      ['Quit? Something you typed has not been checked yet and will be lost.', 'y quit  n stay'],
    ],
  ] as const)('%s at 80 columns', (_name, make, footer) => {
    expect(footerAt(make())).toEqual(footer);
  });

  test('a body that scrolls adds ↑/↓ to the footer, and PgUp/PgDn where ↑/↓ are the list', () => {
    const figure = driveTutor(run(start(), open(), next, next, next, next), { height: 18 });
    expect(figure.text()).toMatch(/more below/);
    expect(figure.lines().at(-1)).toBe(
      '←/→ step  Esc back to the lessons  ↑/↓ scroll  ? all keys  q quit',
    );
    const many: Course = {
      ...fixtureCourse(),
      lessons: Array.from({ length: 12 }, (_, i) => ({ ...LESSONS[1], id: `l${i}` })),
    };
    const homeEnv = fixtureEnv(many);
    const home = driveScreen(
      tutorDef(homeEnv),
      initialState(homeEnv, { progress: freshProgress() }),
      {
        height: 18,
      },
    );
    expect(home.text()).toMatch(/more below: \d+ lines \(PgDn\)/);
    expect(home.lines().at(-1)).toBe(
      '↑/↓ choose  Enter open the lesson  PgUp/PgDn page  ? all keys  q quit',
    );
  });

  test('at a narrow width the footer keeps help and quit', () => {
    const items = footerItems(layers(state('demo', 'none', ALL)), t);
    const lines = packFooter(items, 60, plainStyle);
    expect(lines.length).toBeLessThanOrEqual(2);
    expect(lines.join(' ')).toContain('? all keys');
    expect(lines.join(' ')).toContain('q quit');
    lines.forEach((line) => expect(line.length).toBeLessThanOrEqual(60));
  });

  test('? lists every key of a step, all its keys each, with the chrome (no scroll keys when nothing scrolls)', () => {
    const d = driveTutor(run(start(), open())).press('?');
    expect(d.lines()).toEqual([
      'Keys on this screen',
      '',
      '  ← p       previous step',
      '  → l n     next step',
      '  Esc       back to the lessons',
      '  ?         all keys',
      '  q Ctrl+C  quit',
      '',
      'Esc close this help',
    ]);
    expect(d.press(KEYS.escape).shell.chrome.overlay).toBeUndefined();
  });

  test("help's list for a typed answer: the field's own keys, and quit by Ctrl+C only", () => {
    const typed = keyStateOf(run(atCell(), typeIn(CELL, '4')), env);
    const items = helpItems(layers(typed, 'screen', false), t);
    expect(items.map((i) => [i.id, i.keys])).toEqual([
      ['hint', 'Ctrl+T'],
      ['submit', 'Enter'],
      ['leave-answer', 'Esc'],
      ['quit', 'Ctrl+C'],
      ['cursor-left', '←'],
      ['cursor-right', '→'],
      ['cursor-home', 'Home'],
      ['cursor-end', 'End'],
      ['erase-back', 'Backspace'],
      ['erase-word', 'Ctrl+W'],
      ['clear-line', 'Ctrl+U'],
    ]);
  });
});
