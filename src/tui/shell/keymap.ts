/**
 * The keymap engine. Keys are data: each screen brings a table of commands (which keys, in
 * which of its contexts, under which flags, with which label) and the shell adds its own
 * chrome table (scroll, help, quit) and the text field's keys. From the same tables come the
 * command a key means, the footer, and the `?` help, so what the screen says and what the keys
 * do never drift.
 *
 * While a text field (or the grid editor) has focus, printable keys belong to it: no command
 * takes them and the footer never offers them. That one rule keeps `q`, `n` or `s` from being
 * stolen out of an answer.
 */
import type { KeyName, KeyPress } from './input/key-press.js';

/**
 * Whether a text field has focus: `none`, or focused with an `empty` draft, or focused with
 * `text` in it. An empty field lets ←/→ through to the screen; it has no cursor to move.
 */
export type Typing = 'none' | 'empty' | 'text';

/**
 * A key as a table writes it: a named key (see `KeyName`), `space`, `ctrl+<letter>`, or one
 * printable character such as `q`, `?` or `+`.
 */
export type KeySpec = KeyName | 'space' | `ctrl+${string}` | (string & {});

export interface Command<Id extends string = string, Context extends string = string> {
  readonly id: Id;
  /** The first key is the one the footer shows; help lists them all. */
  readonly keys: readonly KeySpec[];
  /** Message key of what the command does. */
  readonly label: string;
  readonly contexts: readonly Context[];
  /** Bound only while this flag (or each of these flags) holds. */
  readonly when?: string | readonly string[];
  /** Not bound while this flag holds. */
  readonly unless?: string;
  /** In a typing context: bound only while the field is `empty`, or only while it has `text`. */
  readonly whenTyping?: 'empty' | 'text';
  /** Message key of a shared footer entry: commands with the same group show as one (`←/→ step`). */
  readonly group?: string;
  /** Listed in `?` help only. @default true */
  readonly footer?: boolean;
  /** Kept when a footer too narrow for every item drops some (help, quit). @default false */
  readonly keep?: boolean;
  /** Done by the focused text field itself: listed in help, never returned as a command. */
  readonly byField?: boolean;
}

/** The state of the keyboard for one table: its context, the field's, which flags hold. */
export interface KeyState<Context extends string = string> {
  readonly context: Context;
  readonly typing: Typing;
  readonly flags?: ReadonlySet<string>;
}

/** A table and the state it is read in. A keymap is a list of layers, read in order. */
export interface Layer {
  readonly table: readonly Command[];
  readonly state: KeyState;
}

/** Keys that type a character (and so belong to a focused field). */
export function isPrintableKey(spec: KeySpec): boolean {
  return spec === 'space' || [...spec].length === 1;
}

/** The keys of `cmd` that work in `state`; none when the command is not bound there. */
export function activeKeys(cmd: Command, state: KeyState): readonly KeySpec[] {
  if (!cmd.contexts.includes(state.context)) return [];
  const when = cmd.when === undefined ? [] : typeof cmd.when === 'string' ? [cmd.when] : cmd.when;
  if (when.some((flag) => !(state.flags?.has(flag) ?? false))) return [];
  if (cmd.unless !== undefined && (state.flags?.has(cmd.unless) ?? false)) return [];
  if (state.typing === 'none') return cmd.whenTyping === undefined ? cmd.keys : [];
  if (cmd.whenTyping !== undefined && cmd.whenTyping !== state.typing) return [];
  return cmd.keys.filter((k) => !isPrintableKey(k));
}

export interface BoundCommand {
  readonly command: Command;
  readonly keys: readonly KeySpec[];
}

/** The commands bound in the layers, in order, each with the keys that reach it. */
export function boundCommands(layers: readonly Layer[]): BoundCommand[] {
  return layers.flatMap(({ table, state }) =>
    table.flatMap((command) => {
      const keys = activeKeys(command, state);
      return keys.length === 0 ? [] : [{ command, keys }];
    }),
  );
}

const NAMED = new Set([
  'left',
  'right',
  'up',
  'down',
  'pageup',
  'pagedown',
  'home',
  'end',
  'enter',
  'escape',
  'tab',
  'backspace',
]);

/** Whether a key press is `spec`. A paste is never a key. */
export function matchesKey(spec: KeySpec, key: KeyPress): boolean {
  if (key.paste) return false;
  if (NAMED.has(spec)) return key.name === spec && !key.ctrl && !key.meta;
  if (spec.startsWith('ctrl+')) return key.ctrl && !key.meta && key.text === spec.slice(5);
  if (spec === 'space') return key.text === ' ' && !key.ctrl && !key.meta;
  return key.name === undefined && key.text === spec && !key.ctrl && !key.meta;
}

/**
 * The command a key means in the layers, or undefined: nothing here takes it (the focused field
 * or the grid editor may take it as text). A command the field does itself (`byField`) comes
 * back too, so the caller knows the key is the field's.
 */
export function commandFor(layers: readonly Layer[], key: KeyPress): Command | undefined {
  for (const { command, keys } of boundCommands(layers))
    if (keys.some((spec) => matchesKey(spec, key))) return command;
  return undefined;
}

/** How a key is written on screen: arrows as arrows (or letters in ASCII), others by name. */
export function keyLabel(spec: KeySpec, t: (key: string) => string, ascii = false): string {
  const arrows: Record<string, [string, string]> = {
    left: ['←', 'Left'],
    right: ['→', 'Right'],
    up: ['↑', 'Up'],
    down: ['↓', 'Down'],
  };
  const arrow = arrows[spec];
  if (arrow) return ascii ? arrow[1] : arrow[0];
  if (spec.startsWith('ctrl+')) return `Ctrl+${spec.slice(5).toUpperCase()}`;
  return isPrintableKey(spec) && spec !== 'space' ? spec : t(`shell.key.${spec}`);
}

export interface FooterItem {
  /** e.g. `←/→` */
  readonly keys: string;
  /** e.g. `step` */
  readonly label: string;
  readonly ids: readonly string[];
  readonly keep: boolean;
}

/**
 * What the footer offers: every bound command that is not help-only, with its first working
 * key; commands of one group merge into one item with the group's label.
 */
export function footerItems(
  layers: readonly Layer[],
  t: (key: string) => string,
  ascii = false,
): FooterItem[] {
  const items: Array<{
    keys: string[];
    label: string;
    ids: string[];
    group?: string;
    keep: boolean;
  }> = [];
  for (const { command, keys } of boundCommands(layers)) {
    if (command.footer === false) continue;
    const shown = keyLabel(keys[0], t, ascii);
    const existing =
      command.group === undefined ? undefined : items.find((i) => i.group === command.group);
    if (existing) {
      if (!existing.keys.includes(shown)) existing.keys.push(shown);
      existing.ids.push(command.id);
      existing.keep ||= command.keep === true;
      continue;
    }
    items.push({
      keys: [shown],
      label: t(command.group ?? command.label),
      ids: [command.id],
      group: command.group,
      keep: command.keep === true,
    });
  }
  return items.map(({ keys, label, ids, keep }) => ({ keys: keys.join('/'), label, ids, keep }));
}

export interface HelpItem {
  readonly keys: string;
  readonly label: string;
  readonly id: string;
}

/** Every bound command with all its working keys, for the `?` overlay. */
export function helpItems(
  layers: readonly Layer[],
  t: (key: string) => string,
  ascii = false,
): HelpItem[] {
  return boundCommands(layers).map(({ command, keys }) => ({
    keys: keys.map((k) => keyLabel(k, t, ascii)).join(' '),
    label: t(command.label),
    id: command.id,
  }));
}
