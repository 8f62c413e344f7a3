/**
 * The tutor's keys, as data (see `shell/keymap.ts`): Home, the lesson steps, the sliding-window
 * demo, exercises and the grid editor. Scrolling, help, quitting and the answer field's own
 * keys are the shell's. Where a context needs ↑/↓ itself (the list on Home, the grid editor),
 * its key state sets the `arrows` flag.
 */
import type { Command } from './shell/keymap.js';

/** Where the learner is; each screen or mode has its own set of commands. */
export type KeyContext =
  'home' | 'complete' | 'step' | 'demo' | 'prediction' | 'exercise' | 'answer' | 'grid-editor';

/**
 * Conditions some commands need. `xo-tools`: the X/O trainer and draw screens can be opened
 * from here (the X/O lesson).
 */
export const TUTOR_FLAG = {
  generated: 'generated',
  gridAnswer: 'grid-answer',
  canContinue: 'can-continue',
  trainer: 'tool-trainer',
  draw: 'tool-draw',
  hints: 'hints',
} as const;

export type CommandId =
  | 'select-up'
  | 'select-down'
  | 'open-lesson'
  | 'continue'
  | 'prev-step'
  | 'next-step'
  | 'back'
  | 'to-home'
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
  | 'hint'
  | 'new-variant'
  | 'open-grid'
  | 'cell-left'
  | 'cell-right'
  | 'cell-up'
  | 'cell-down'
  | 'next-cell'
  | 'erase-cell'
  | 'close-grid'
  | 'open-trainer'
  | 'open-draw';

export type TutorCommand = Command<CommandId, KeyContext>;

const BROWSE: readonly KeyContext[] = ['step', 'demo', 'exercise'];

function command(
  id: CommandId,
  keys: TutorCommand['keys'],
  contexts: readonly KeyContext[],
  extra: Partial<TutorCommand> = {},
): TutorCommand {
  return { id, keys, label: `tui.cmd.${id}`, contexts, ...extra };
}

const STEPS = { group: 'tui.group.steps' } as const;

/**
 * The table. One command may appear twice with different keys for different contexts: in the
 * demo ←/→ step through cells and `p` cycles padding, so moving between steps is `h` / `l` / `n`.
 */
export const COMMANDS: readonly TutorCommand[] = [
  command('select-up', ['up', 'k'], ['home'], { group: 'tui.group.select' }),
  command('select-down', ['down', 'j'], ['home'], { group: 'tui.group.select' }),
  command('open-lesson', ['enter', 'right', 'l'], ['home']),
  command('continue', ['c'], ['home'], { when: TUTOR_FLAG.canContinue }),
  command('to-home', ['enter', 'escape'], ['complete']),

  command('prev-step', ['left', 'p'], ['step', 'exercise'], STEPS),
  command('next-step', ['right', 'l', 'n'], ['step', 'exercise'], STEPS),
  command('prev-step', ['left'], ['answer'], { ...STEPS, whenTyping: 'empty' }),
  command('next-step', ['right'], ['answer'], { ...STEPS, whenTyping: 'empty' }),
  // Early in the table, so a full footer keeps them: the hint, and the X/O lesson's two screens.
  command('hint', ['h', 'ctrl+t'], ['exercise', 'answer'], { when: TUTOR_FLAG.hints }),
  command('open-trainer', ['t'], BROWSE, {
    when: TUTOR_FLAG.trainer,
    label: 'train.screen.cmd.open',
  }),
  command('open-draw', ['d'], BROWSE, { when: TUTOR_FLAG.draw, label: 'draw.cmd.open' }),

  command('demo-prev', ['left'], ['demo'], { group: 'tui.group.cells' }),
  command('demo-next', ['right'], ['demo'], { group: 'tui.group.cells' }),
  command('demo-play', ['space'], ['demo']),
  command('demo-end', ['e', 'end'], ['demo']),
  command('stride-down', ['-', '_'], ['demo'], { group: 'tui.group.stride' }),
  command('stride-up', ['+', '='], ['demo'], { group: 'tui.group.stride' }),
  command('padding', ['p'], ['demo']),
  command('prev-step', ['h'], ['demo'], STEPS),
  command('next-step', ['n', 'l'], ['demo'], STEPS),

  command('check-prediction', ['enter'], ['prediction']),
  command('skip-prediction', ['escape'], ['prediction']),

  command('focus-answer', ['enter', 'i'], ['exercise']),
  command('show-me', ['s'], ['exercise']),
  command('new-variant', ['r'], ['exercise'], { when: TUTOR_FLAG.generated }),
  command('open-grid', ['g'], ['exercise'], { when: TUTOR_FLAG.gridAnswer }),
  command('submit', ['enter'], ['answer', 'grid-editor']),
  command('open-grid', ['tab'], ['answer'], { when: TUTOR_FLAG.gridAnswer }),
  command('leave-answer', ['escape'], ['answer']),

  command('cell-left', ['left'], ['grid-editor'], { group: 'tui.group.cells-move' }),
  command('cell-right', ['right'], ['grid-editor'], { group: 'tui.group.cells-move' }),
  command('cell-up', ['up'], ['grid-editor'], { group: 'tui.group.cells-move' }),
  command('cell-down', ['down'], ['grid-editor'], { group: 'tui.group.cells-move' }),
  command('next-cell', ['tab'], ['grid-editor']),
  command('erase-cell', ['backspace'], ['grid-editor']),
  command('close-grid', ['escape'], ['grid-editor']),

  command('back', ['escape'], BROWSE),
];
