/**
 * Every key the tutor answers to, as data. The key handler, the footer and the `?` help
 * overlay all read this table, so what the screen says and what the keys do never drift.
 *
 * While a text field has focus (the answer, a prediction, the grid editor) printable keys
 * belong to the field: `commandFor` never matches them and the footer never offers them. The
 * answer and prediction fields are ink-text-input fields that type and edit by themselves; the
 * grid editor's cells are typed through the key handler. That one rule is what keeps `q`, `n`
 * or `s` from being stolen out of an answer.
 */
import type { Key } from 'ink';

/** Where the learner is; each screen or mode has its own set of commands. */
export type KeyContext =
  | 'home'
  | 'step'
  | 'demo'
  | 'prediction'
  | 'exercise'
  | 'answer'
  | 'grid-editor'
  | 'help'
  | 'quit-confirm'
  | 'too-small';

/**
 * Whether a text field has focus: `none`, or focused with an `empty` draft, or focused with
 * `text` in it. An empty field lets ←/→ through to step navigation; it has no cursor to move.
 */
export type Typing = 'none' | 'empty' | 'text';

/**
 * Conditions some commands need; the screen says which hold right now. `xo-tools`: the X/O
 * trainer and draw screens can be opened from here (the X/O lesson, the X/O trainer).
 */
export type KeyFlag = 'scrollable' | 'generated' | 'grid-answer' | 'can-continue' | 'xo-tools';

/** A named key, or one printable character such as `q`, `?` or `+`. */
export type KeyName =
  | 'left'
  | 'right'
  | 'up'
  | 'down'
  | 'pageup'
  | 'pagedown'
  | 'home'
  | 'end'
  | 'enter'
  | 'escape'
  | 'tab'
  | 'space'
  | 'backspace'
  | 'ctrl+c';

export type KeySpec = KeyName | (string & {});

export type CommandId =
  | 'select-up'
  | 'select-down'
  | 'open-lesson'
  | 'continue'
  | 'prev-step'
  | 'next-step'
  | 'scroll-up'
  | 'scroll-down'
  | 'page-up'
  | 'page-down'
  | 'back'
  | 'help'
  | 'close-help'
  | 'quit'
  | 'confirm-quit'
  | 'cancel-quit'
  | 'demo-prev'
  | 'demo-next'
  | 'demo-play'
  | 'demo-end'
  | 'stride-up'
  | 'stride-down'
  | 'padding'
  | 'check-prediction'
  | 'skip-prediction'
  | 'focus-answer'
  | 'submit'
  | 'leave-answer'
  | 'show-me'
  | 'new-variant'
  | 'open-grid'
  | 'cell-left'
  | 'cell-right'
  | 'cell-up'
  | 'cell-down'
  | 'next-cell'
  | 'erase-cell'
  | 'close-grid'
  | 'cursor-left'
  | 'cursor-right'
  | 'cursor-home'
  | 'cursor-end'
  | 'erase-back'
  | 'open-trainer'
  | 'open-draw';

/**
 * One command of a key table. The tutor's table is `COMMANDS`; another screen (the lab) brings
 * its own ids and contexts and uses the `…In` functions below with its table.
 */
export interface Command<Id extends string = CommandId, Context extends string = KeyContext> {
  readonly id: Id;
  /** The first key is the one the footer shows; help lists them all. */
  readonly keys: readonly KeySpec[];
  /** Message key of what the command does, e.g. `tui.cmd.next-step`. */
  readonly label: string;
  readonly contexts: readonly Context[];
  /** Only bound while this holds. */
  readonly when?: KeyFlag;
  /** In a field context: bound only while the field is `empty`, or only while it has `text`. */
  readonly whenTyping?: 'empty' | 'text';
  /** Footer items with the same group share one entry (`←/→ step`). */
  readonly group?: string;
  /** Listed in `?` help only. @default true */
  readonly footer?: boolean;
  /**
   * Done by the focused text field itself (ink-text-input moves its cursor and erases): listed
   * in `?` help, never returned by `commandFor`.
   */
  readonly byField?: boolean;
}

const BROWSE: readonly KeyContext[] = ['step', 'demo', 'exercise'];

/** Keys the focused text field handles itself, shown in help while it holds text. */
const FIELD_KEY: Partial<Command> = { whenTyping: 'text', footer: false, byField: true };
/** The cursor keys among them share one help entry. */
const CURSOR_KEY: Partial<Command> = { ...FIELD_KEY, group: 'cursor' };

function command(
  id: CommandId,
  keys: readonly KeySpec[],
  contexts: readonly KeyContext[],
  extra: Partial<Command> = {},
): Command {
  return { id, keys, label: `tui.cmd.${id}`, contexts, ...extra };
}

/**
 * The table. One command may appear twice with different keys for different contexts: in the
 * demo ←/→ step through cells and `p` cycles padding, so moving between steps is `h` / `l` / `n`.
 */
export const COMMANDS: readonly Command[] = [
  command('select-up', ['up', 'k'], ['home'], { group: 'select' }),
  command('select-down', ['down', 'j'], ['home'], { group: 'select' }),
  command('open-lesson', ['enter', 'right', 'l'], ['home']),
  command('continue', ['c'], ['home'], { when: 'can-continue' }),

  command('prev-step', ['left', 'h', 'p'], ['step', 'exercise'], { group: 'steps' }),
  command('next-step', ['right', 'l', 'n'], ['step', 'exercise'], { group: 'steps' }),
  command('prev-step', ['left'], ['answer'], { group: 'steps', whenTyping: 'empty' }),
  command('next-step', ['right'], ['answer'], { group: 'steps', whenTyping: 'empty' }),
  // The X/O lesson's two screens (src/tui/train): early in the table, so a full footer keeps them.
  command('open-trainer', ['t'], BROWSE, { when: 'xo-tools', label: 'train.screen.cmd.open' }),
  command('open-draw', ['d'], BROWSE, { when: 'xo-tools', label: 'draw.cmd.open' }),
  command('cursor-left', ['left'], ['answer', 'prediction'], CURSOR_KEY),
  command('cursor-right', ['right'], ['answer', 'prediction'], CURSOR_KEY),
  command('cursor-home', ['home'], ['answer', 'prediction'], CURSOR_KEY),
  command('cursor-end', ['end'], ['answer', 'prediction'], CURSOR_KEY),
  command('erase-back', ['backspace'], ['answer', 'prediction'], FIELD_KEY),

  command('demo-prev', ['left'], ['demo'], { group: 'cells' }),
  command('demo-next', ['right'], ['demo'], { group: 'cells' }),
  command('demo-play', ['space'], ['demo']),
  command('demo-end', ['e', 'end'], ['demo']),
  command('stride-down', ['-', '_'], ['demo'], { group: 'stride' }),
  command('stride-up', ['+', '='], ['demo'], { group: 'stride' }),
  command('padding', ['p'], ['demo']),
  command('prev-step', ['h'], ['demo'], { group: 'steps' }),
  command('next-step', ['n', 'l'], ['demo'], { group: 'steps' }),

  command('check-prediction', ['enter'], ['prediction']),
  command('skip-prediction', ['escape'], ['prediction']),

  command('focus-answer', ['enter', 'i'], ['exercise']),
  command('show-me', ['s'], ['exercise']),
  command('new-variant', ['r'], ['exercise'], { when: 'generated' }),
  command('open-grid', ['g'], ['exercise'], { when: 'grid-answer' }),
  command('submit', ['enter'], ['answer', 'grid-editor']),
  command('open-grid', ['tab'], ['answer'], { when: 'grid-answer' }),
  command('leave-answer', ['escape'], ['answer']),

  command('cell-left', ['left'], ['grid-editor'], { group: 'cells-move' }),
  command('cell-right', ['right'], ['grid-editor'], { group: 'cells-move' }),
  command('cell-up', ['up'], ['grid-editor'], { group: 'cells-move' }),
  command('cell-down', ['down'], ['grid-editor'], { group: 'cells-move' }),
  command('next-cell', ['tab'], ['grid-editor']),
  command('erase-cell', ['backspace'], ['grid-editor']),
  command('close-grid', ['escape'], ['grid-editor']),

  command('scroll-up', ['up'], [...BROWSE, 'answer', 'prediction'], {
    when: 'scrollable',
    group: 'scroll',
  }),
  command('scroll-down', ['down'], [...BROWSE, 'answer', 'prediction'], {
    when: 'scrollable',
    group: 'scroll',
  }),
  command('page-up', ['pageup'], [...BROWSE, 'answer', 'prediction', 'grid-editor'], {
    when: 'scrollable',
    group: 'page',
    footer: false,
  }),
  command('page-down', ['pagedown'], [...BROWSE, 'answer', 'prediction', 'grid-editor'], {
    when: 'scrollable',
    group: 'page',
    footer: false,
  }),

  command('back', ['escape'], BROWSE),
  command('close-help', ['escape', '?', 'q', 'enter'], ['help']),
  command('confirm-quit', ['y', 'enter', 'ctrl+c'], ['quit-confirm']),
  command('cancel-quit', ['n', 'escape'], ['quit-confirm']),
  command('help', ['?'], ['home', ...BROWSE]),
  command(
    'quit',
    ['q', 'ctrl+c'],
    ['home', ...BROWSE, 'answer', 'prediction', 'grid-editor', 'too-small'],
  ),
  command('quit', ['ctrl+c'], ['help'], { footer: false }),
];

/** The state of the keyboard: which context, whether a field has focus, which flags hold. */
export interface KeyState<Context extends string = KeyContext> {
  readonly context: Context;
  readonly typing: Typing;
  readonly flags?: ReadonlySet<KeyFlag>;
}

/** An Ink key event with no key held: spread it and set the one that is pressed. */
export const NO_KEY: Key = {
  upArrow: false,
  downArrow: false,
  leftArrow: false,
  rightArrow: false,
  pageDown: false,
  pageUp: false,
  home: false,
  end: false,
  return: false,
  escape: false,
  ctrl: false,
  shift: false,
  tab: false,
  backspace: false,
  delete: false,
  meta: false,
  super: false,
  hyper: false,
  capsLock: false,
  numLock: false,
};

/** Keys that type a character (and so belong to a focused field). */
export function isPrintableKey(spec: KeySpec): boolean {
  return spec === 'space' || [...spec].length === 1;
}

/** The keys of `cmd` that work in `state`; none when the command is not bound there. */
export function activeKeys<C extends string>(
  cmd: Command<string, C>,
  state: KeyState<C>,
): readonly KeySpec[] {
  if (!cmd.contexts.includes(state.context)) return [];
  if (cmd.when !== undefined && !(state.flags?.has(cmd.when) ?? false)) return [];
  if (state.typing === 'none') return cmd.keys;
  if (cmd.whenTyping !== undefined && cmd.whenTyping !== state.typing) return [];
  return cmd.keys.filter((k) => !isPrintableKey(k));
}

/** The commands bound in `state`, in table order, each with the keys that reach it. */
export function boundCommands(
  state: KeyState,
): Array<{ command: Command; keys: readonly KeySpec[] }> {
  return boundCommandsIn(COMMANDS, state);
}

/** `boundCommands` for another key table. */
export function boundCommandsIn<I extends string, C extends string>(
  table: readonly Command<I, C>[],
  state: KeyState<C>,
): Array<{ command: Command<I, C>; keys: readonly KeySpec[] }> {
  return table.flatMap((command) => {
    const keys = activeKeys(command, state);
    return keys.length === 0 ? [] : [{ command, keys }];
  });
}

/** Whether an Ink key event is `spec`. */
export function matchesKey(spec: KeySpec, input: string, key: Key): boolean {
  switch (spec) {
    case 'left':
      return key.leftArrow;
    case 'right':
      return key.rightArrow;
    case 'up':
      return key.upArrow;
    case 'down':
      return key.downArrow;
    case 'pageup':
      return key.pageUp;
    case 'pagedown':
      return key.pageDown;
    case 'home':
      return key.home;
    case 'end':
      return key.end;
    case 'enter':
      return key.return;
    case 'escape':
      return key.escape;
    case 'tab':
      return key.tab && !key.shift;
    case 'space':
      return input === ' ' && !key.ctrl;
    // Most terminals send DEL (0x7f) for Backspace, which Ink reports as `delete`.
    case 'backspace':
      return key.backspace || key.delete;
    case 'ctrl+c':
      return key.ctrl && input === 'c';
    default:
      return input === spec && !key.ctrl && !(key.meta && !key.escape);
  }
}

/**
 * The command an Ink key event means in `state`, or undefined (then a focused field or the
 * grid editor takes the key as text). Pasted text (more than one character) is never a command.
 */
export function commandFor(input: string, key: Key, state: KeyState): CommandId | undefined {
  return commandForIn(COMMANDS, input, key, state);
}

/** `commandFor` for another key table. */
export function commandForIn<I extends string, C extends string>(
  table: readonly Command<I, C>[],
  input: string,
  key: Key,
  state: KeyState<C>,
): I | undefined {
  for (const { command, keys } of boundCommandsIn(table, state)) {
    if (keys.some((spec) => matchesKey(spec, input, key)))
      return command.byField ? undefined : command.id;
  }
  return undefined;
}

/** How a key is written on screen: arrows as arrows, named keys through the catalog. */
export function keyLabel(spec: KeySpec, t: (key: string) => string): string {
  switch (spec) {
    case 'left':
      return '←';
    case 'right':
      return '→';
    case 'up':
      return '↑';
    case 'down':
      return '↓';
    default:
      return isPrintableKey(spec) && spec !== 'space' ? spec : t(`tui.key.${spec}`);
  }
}

export interface FooterItem<Id extends string = CommandId> {
  /** e.g. `←/→` */
  readonly keys: string;
  /** e.g. `step` */
  readonly label: string;
  readonly commands: readonly Id[];
}

/**
 * What the footer offers in `state`: every bound command that is not help-only, with its first
 * working key; commands of one group merge into one item labelled `tui.group.<group>`.
 */
export function footerItems(state: KeyState, t: (key: string) => string): FooterItem[] {
  return footerItemsIn(COMMANDS, state, t);
}

/** `footerItems` for another key table, whose group labels are `groupKey(group)`. */
export function footerItemsIn<I extends string, C extends string>(
  table: readonly Command<I, C>[],
  state: KeyState<C>,
  t: (key: string) => string,
  groupKey: (group: string) => string = (group) => `tui.group.${group}`,
): FooterItem<I>[] {
  const items: Array<{ keys: string[]; label: string; commands: I[]; group?: string }> = [];
  for (const { command, keys } of boundCommandsIn(table, state)) {
    if (command.footer === false) continue;
    const shown = keyLabel(keys[0], t);
    const existing =
      command.group === undefined ? undefined : items.find((i) => i.group === command.group);
    if (existing) {
      if (!existing.keys.includes(shown)) existing.keys.push(shown);
      existing.commands.push(command.id);
      continue;
    }
    items.push({
      keys: [shown],
      label: t(command.group === undefined ? command.label : groupKey(command.group)),
      commands: [command.id],
      group: command.group,
    });
  }
  return items.map(({ keys, label, commands }) => ({ keys: keys.join('/'), label, commands }));
}

export interface HelpItem<Id extends string = CommandId> {
  readonly keys: string;
  readonly label: string;
  readonly command: Id;
}

/** Every bound command with all its working keys, for the `?` overlay. */
export function helpItems(state: KeyState, t: (key: string) => string): HelpItem[] {
  return helpItemsIn(COMMANDS, state, t);
}

/** `helpItems` for another key table. */
export function helpItemsIn<I extends string, C extends string>(
  table: readonly Command<I, C>[],
  state: KeyState<C>,
  t: (key: string) => string,
): HelpItem<I>[] {
  return boundCommandsIn(table, state).map(({ command, keys }) => ({
    keys: keys.map((k) => keyLabel(k, t)).join(' '),
    label: t(command.label),
    command: command.id,
  }));
}
