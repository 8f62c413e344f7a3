/**
 * The keys of the lab screen, as data (see `../shell/keymap.ts`); scrolling, help, quitting and
 * the answer field's own keys are the shell's. While the answer line has focus, printable keys
 * belong to it, so `q`, `n` or `?` never leave an answer half-typed.
 *
 * Nothing here checks answers: the lab screen saves them, and `cnn-tutor grade` checks them.
 */
import type { Command } from '../shell/keymap.js';

/**
 * Where the student is: the list of exercises, an exercise (`exercise` when its answer line
 * can be focused, `unbuilt` when the question could not be built), or typing an answer.
 */
export type LabContext = 'list' | 'exercise' | 'unbuilt' | 'answer';

export type LabCommandId =
  | 'select-up'
  | 'select-down'
  | 'open-exercise'
  | 'prev-exercise'
  | 'next-exercise'
  | 'focus-answer'
  | 'save-answer'
  | 'leave-answer'
  | 'to-list';

export type LabCommand = Command<LabCommandId, LabContext>;

const VIEW: readonly LabContext[] = ['exercise', 'unbuilt'];
const MOVE = 'lab.screen.group.move';

function command(
  id: LabCommandId,
  keys: LabCommand['keys'],
  contexts: readonly LabContext[],
  extra: Partial<LabCommand> = {},
): LabCommand {
  return { id, keys, label: `lab.screen.cmd.${id}`, contexts, ...extra };
}

export const LAB_COMMANDS: readonly LabCommand[] = [
  command('select-up', ['up', 'k'], ['list'], { group: 'lab.screen.group.select' }),
  command('select-down', ['down', 'j'], ['list'], { group: 'lab.screen.group.select' }),
  command('open-exercise', ['enter', 'right', 'l'], ['list']),

  command('prev-exercise', ['left', 'p', 'h'], VIEW, { group: MOVE }),
  command('next-exercise', ['right', 'n', 'l'], VIEW, { group: MOVE }),
  // An empty answer line has no cursor to move, so ←/→ still go from exercise to exercise.
  command('prev-exercise', ['left'], ['answer'], { group: MOVE, whenTyping: 'empty' }),
  command('next-exercise', ['right'], ['answer'], { group: MOVE, whenTyping: 'empty' }),
  command('focus-answer', ['enter', 'i'], ['exercise']),
  command('save-answer', ['enter'], ['answer']),
  command('leave-answer', ['escape'], ['answer']),
  command('to-list', ['escape'], VIEW),
];
