/**
 * Drive a screen of the shell without Ink: raw key bytes in (as a terminal sends them), the
 * frame out. The focused text field is stood in for by a minimal editor (text goes at the end,
 * Backspace erases the last character, Ctrl+U clears, Ctrl+W erases a word): the real field,
 * ink-text-input, is exercised through Ink in the component tests.
 */
import stripAnsi from 'strip-ansi';
import { createStyle } from '../../src/render/index.js';
import type { FrameView } from '../../src/tui/shell/frame.js';
import { decodeEvent, type KeyPress } from '../../src/tui/shell/input/key-press.js';
import { fieldText } from '../../src/tui/shell/field-channel.js';
import {
  type ScreenDef,
  type ShellFrame,
  type ShellState,
  frameOf,
  initialShell,
  pressKey,
} from '../../src/tui/shell/screen.js';
import type { ViewOptions } from '../../src/view/text.js';
import { t as englishT } from './fixture.js';

export interface DriverOptions {
  readonly width?: number;
  readonly height?: number;
  readonly ascii?: boolean;
  readonly t?: ViewOptions['t'];
}

/** The lines of a frame view as text: no escape codes, no trailing spaces, the field as a line. */
export function frameLines(view: FrameView): string[] {
  const lines =
    view.kind === 'main'
      ? [
          ...view.above,
          ...(view.field ? [`${view.field.label}${view.field.value}`] : []),
          ...view.below,
        ]
      : view.lines;
  return lines.map((l) => stripAnsi(l).trimEnd());
}

function editField(value: string, key: KeyPress): string {
  if (key.name === 'backspace') return value.slice(0, -1);
  if (key.ctrl && key.text === 'u') return '';
  if (key.ctrl && key.text === 'w') return value.replace(/\S*\s*$/, '');
  if (key.name !== undefined || key.ctrl || key.meta) return value;
  return value + fieldText(key.text);
}

export interface ScreenDriver<S> {
  readonly state: S;
  readonly shell: ShellState<S>;
  /** Replace the screen's state (as a timer or a finished save would). */
  update(change: (state: S) => S): void;
  /** Press keys, each given as the bytes a terminal sends (`'\x1b[C'`, `'q'`, `'12\r'`). */
  press(...raw: string[]): ScreenDriver<S>;
  frame(): ShellFrame;
  /** The frame's lines as text. */
  lines(): string[];
  text(): string;
}

export function driveScreen<S>(
  def: ScreenDef<S>,
  screen: S,
  options: DriverOptions = {},
): ScreenDriver<S> {
  const o: ViewOptions = {
    width: options.width ?? 80,
    height: options.height ?? 24,
    t: options.t ?? englishT,
    ascii: options.ascii ?? false,
    style: createStyle({ color: false }),
  };
  let shell: ShellState<S> = initialShell(screen);
  const frame = (): ShellFrame => frameOf(def, shell, o);
  const driver: ScreenDriver<S> = {
    get state(): S {
      return shell.screen;
    },
    get shell(): ShellState<S> {
      return shell;
    },
    update(change: (state: S) => S): void {
      shell = { ...shell, screen: change(shell.screen) };
    },
    press(...raw) {
      for (const event of raw) {
        for (const key of decodeEvent(event)) {
          const result = pressKey(def, shell, frame(), key);
          shell = result.state;
          if (result.toField && def.fieldChange) {
            const view = frame().view;
            const field = view.kind === 'main' ? view.field : undefined;
            if (field)
              shell = {
                ...shell,
                screen: def.fieldChange(
                  shell.screen,
                  field.id,
                  editField(field.value, result.toField),
                ),
              };
          }
        }
      }
      return driver;
    },
    frame,
    lines: (): string[] => frameLines(frame().view),
    text: (): string => frameLines(frame().view).join('\n'),
  };
  return driver;
}
