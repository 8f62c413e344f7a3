/**
 * What a screen gives the shell, and what the shell does with a key. A screen is data and pure
 * functions: its commands, which context its state is in, what a command does, what it shows.
 * The shell adds the rest once for every screen: scrolling, `?` help, quitting, the text
 * field's keys, the footer.
 *
 * `pressKey` is pure: a key and the frame of the current state (never an earlier frame) give
 * the next state, and whether the key belongs to the focused text field, which edits its
 * value itself.
 */
import type { ViewOptions } from '../../view/text.js';
import { CHROME_COMMANDS, type ChromeId, FIELD_COMMANDS, FLAG, type Layer } from './chrome.js';
import { packFooter } from './footer.js';
import {
  type ChromeState,
  type Frame,
  type FrameContext,
  type FrameModel,
  INITIAL_CHROME,
  layoutFrame,
} from './frame.js';
import type { KeyPress } from './input/key-press.js';
import {
  type Command,
  type KeyState,
  type Layer as KeyLayer,
  commandFor,
  footerItems,
  helpItems,
} from './keymap.js';

export interface ScreenDef<S, Id extends string = string, C extends string = string> {
  /** The screen's own commands; they come before the chrome's. */
  readonly commands: readonly Command<Id, C>[];
  /** The context the state is in, whether a field has focus, which flags hold. */
  keys(state: S): KeyState<C>;
  /** What a command of the screen's table does. */
  command(state: S, id: Id): S;
  /** A typed key that is no command while the screen types for itself (the grid editor). */
  text?(state: S, key: KeyPress): S;
  /** The focused text field's new value, as the field reports it. */
  fieldChange?(state: S, field: string, value: string): S;
  /** What the screen shows now. */
  frame(state: S, o: ViewOptions): FrameModel;
  /** Quitting now would lose something typed: quit asks first. @default never */
  unsaved?(state: S): boolean;
  /** What the screen is for, in a sentence or two, shown under the keys in `?` help. */
  about?(state: S, o: ViewOptions): string;
  /** What quitting asks when `unsaved`. @default the shell's own question */
  quitQuestion?(state: S, o: ViewOptions): string;
}

export interface ShellState<S> {
  readonly screen: S;
  readonly chrome: ChromeState;
  /** Quit was asked for (and confirmed): the host closes the screen. */
  readonly quitting: boolean;
}

export function initialShell<S>(screen: S): ShellState<S> {
  return { screen, chrome: INITIAL_CHROME, quitting: false };
}

/** A frame with the key state it was made for: everything a key press needs. */
export interface ShellFrame extends Frame {
  /** The screen's key state (computed once per state). */
  readonly keys: KeyState;
  /** The layer keys go to: the screen, or what the shell has open over it. */
  readonly layer: Layer;
}

function withFlags(state: KeyState, extra: readonly string[]): KeyState {
  if (extra.length === 0) return state;
  return { ...state, flags: new Set([...(state.flags ?? []), ...extra]) };
}

/** The layers of the keymap for the screen's key state, read in order. */
export function keyLayers(
  commands: readonly Command[],
  keys: KeyState,
  layer: Layer,
  extra: readonly string[] = [],
): KeyLayer[] {
  if (layer !== 'screen') {
    const state: KeyState = { context: layer, typing: 'none', flags: new Set(extra) };
    return [{ table: CHROME_COMMANDS, state }];
  }
  const screen = withFlags(keys, extra);
  const chrome: KeyState = { context: 'screen', typing: screen.typing, flags: screen.flags };
  return [
    { table: commands, state: screen },
    { table: CHROME_COMMANDS, state: chrome },
    { table: FIELD_COMMANDS, state: chrome },
  ];
}

/** The frame of a state: the screen's model fitted to the terminal, with its footer. */
export function frameOf<S>(def: ScreenDef<S>, shell: ShellState<S>, o: ViewOptions): ShellFrame {
  const keys = def.keys(shell.screen);
  const over: Layer = shell.chrome.overlay ?? 'screen';
  const model = def.frame(shell.screen, o);
  const context: FrameContext = {
    arrows: keys.flags?.has(FLAG.arrows) === true,
    footer: (flags, width) =>
      packFooter(
        footerItems(keyLayers(def.commands, keys, over, flags), o.t, o.ascii),
        width,
        o.style,
      ),
    // The keys of the screen under the overlay, as bound there (scrolling only if it scrolls).
    helpItems: () => {
      const under = layoutFrame(model, { ...shell.chrome, overlay: undefined }, context, o);
      const flags = under.facts.scrollable ? [FLAG.scrollable] : [];
      return helpItems(keyLayers(def.commands, keys, 'screen', flags), o.t, o.ascii);
    },
    about: () => def.about?.(shell.screen, o) ?? '',
    quitQuestion: () => def.quitQuestion?.(shell.screen, o) ?? o.t('shell.quit.question'),
  };
  const frame = layoutFrame(model, shell.chrome, context, o);
  return { ...frame, keys, layer: frame.view.kind === 'too-small' ? 'too-small' : over };
}

export interface KeyResult<S> {
  readonly state: ShellState<S>;
  /** The key is the focused text field's: the caller passes it on. */
  readonly toField?: KeyPress;
}

function chromeCommand<S>(
  def: ScreenDef<S>,
  shell: ShellState<S>,
  id: ChromeId,
  frame: ShellFrame,
): ShellState<S> {
  const { chrome } = shell;
  const { facts } = frame;
  const scroll = (delta: number): ShellState<S> => {
    const from = Math.min(chrome.page === facts.page ? chrome.scroll : 0, facts.maxScroll);
    const next = Math.max(0, Math.min(facts.maxScroll, from + delta));
    return { ...shell, chrome: { ...chrome, scroll: next, page: facts.page } };
  };
  const helpScroll = (delta: number): ShellState<S> => {
    const from = Math.min(chrome.helpScroll, facts.helpMax);
    const next = Math.max(0, Math.min(facts.helpMax, from + delta));
    return { ...shell, chrome: { ...chrome, helpScroll: next } };
  };
  const inHelp = frame.layer === 'help';
  switch (id) {
    case 'scroll-up':
      return inHelp ? helpScroll(-1) : scroll(-1);
    case 'scroll-down':
      return inHelp ? helpScroll(1) : scroll(1);
    case 'page-up':
      return inHelp ? helpScroll(-facts.helpPage) : scroll(-facts.pageRows);
    case 'page-down':
      return inHelp ? helpScroll(facts.helpPage) : scroll(facts.pageRows);
    case 'help':
      return { ...shell, chrome: { ...chrome, overlay: 'help', helpScroll: 0 } };
    case 'close-help':
    case 'cancel-quit':
      return { ...shell, chrome: { ...chrome, overlay: undefined } };
    case 'quit':
      if (chrome.overlay !== 'quit-confirm' && (def.unsaved?.(shell.screen) ?? false))
        return { ...shell, chrome: { ...chrome, overlay: 'quit-confirm' } };
      return { ...shell, quitting: true };
    case 'confirm-quit':
      return { ...shell, quitting: true };
  }
}

/**
 * One key: the command it means (the screen's, then the chrome's), or text for what has focus.
 * `frame` is `frameOf(shell)`: scrolling is clamped to what is on screen now.
 */
export function pressKey<S>(
  def: ScreenDef<S>,
  shell: ShellState<S>,
  frame: ShellFrame,
  key: KeyPress,
): KeyResult<S> {
  const extra = [
    ...(frame.facts.scrollable ? [FLAG.scrollable] : []),
    ...(frame.facts.helpMax > 0 ? [FLAG.helpScrollable] : []),
  ];
  const layers = keyLayers(def.commands, frame.keys, frame.layer, extra);
  const command = commandFor(layers, key);
  const same = { state: shell };
  if (command?.byField) return frame.facts.fieldShown ? { state: shell, toField: key } : same;
  if (command) {
    if (frame.layer === 'screen' && def.commands.includes(command))
      return { state: { ...shell, screen: def.command(shell.screen, command.id) } };
    return { state: chromeCommand(def, shell, command.id as ChromeId, frame) };
  }
  if (frame.layer !== 'screen' || frame.keys.typing === 'none') return same;
  if (key.ctrl || key.meta || key.name !== undefined || key.text === '') return same;
  if (frame.facts.fieldShown) return { state: shell, toField: key };
  return def.text ? { state: { ...shell, screen: def.text(shell.screen, key) } } : same;
}
