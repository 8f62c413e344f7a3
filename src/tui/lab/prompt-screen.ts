/**
 * Who is doing the lab, asked when `cnn-tutor lab LAB` was started in a terminal without
 * `--student`: the lab's title, what the id is for, and one field. The id is checked with the
 * grader's rule (`isStudentId`); a bad one shows the reason and keeps what was typed. When
 * `askCode` says so, an access code is asked the same way afterwards (empty: none).
 */
import { safeText } from '../../untrusted/safe-text.js';
import { isStudentId } from '../../grade/student-id.js';
import { parseCode } from '../../grade/variant.js';
import { type Translate, wrap } from '../../view/text.js';
import { FLAG } from '../shell/chrome.js';
import type { Command } from '../shell/keymap.js';
import type { ScreenDef } from '../shell/screen.js';

export interface PromptAnswers {
  /** A valid student id (trimmed). */
  readonly student: string;
  /** The access code as typed (it reads as a code), when one was given. */
  readonly code?: string;
}

export interface PromptState {
  readonly step: 'student' | 'code';
  readonly student: string;
  readonly value: string;
  /** Why the last Enter was refused. */
  readonly problem?: string;
  /** How the prompt ended; the host closes it then. */
  readonly outcome?: { readonly answers: PromptAnswers } | 'cancelled';
}

export interface PromptOptions {
  readonly title: string;
  /** The line saying what the id is for (it names the submission file). */
  readonly why: string;
  readonly t: Translate;
  /** Whether to ask for an access code once this id is accepted. @default never */
  readonly askCode?: (student: string) => boolean;
}

type PromptCommand = 'submit' | 'cancel';

const COMMANDS: readonly Command<PromptCommand, PromptState['step']>[] = [
  { id: 'submit', keys: ['enter'], label: 'lab.ask.cmd.submit', contexts: ['student', 'code'] },
  { id: 'cancel', keys: ['escape'], label: 'lab.ask.cmd.cancel', contexts: ['student', 'code'] },
];

export const INITIAL_PROMPT: PromptState = { step: 'student', student: '', value: '' };

function submit(state: PromptState, options: PromptOptions): PromptState {
  const { t } = options;
  const text = state.value.trim();
  if (state.step === 'student') {
    if (!isStudentId(text)) {
      const problem =
        text === ''
          ? t('lab.ask.studentEmpty')
          : t('lab.error.student', { student: safeText(text) });
      return { ...state, problem };
    }
    if (options.askCode?.(text))
      return { ...state, step: 'code', student: text, value: '', problem: undefined };
    return { ...state, outcome: { answers: { student: text } } };
  }
  if (text !== '' && parseCode(text) === undefined)
    return { ...state, problem: t('lab.error.code') };
  const answers = text === '' ? { student: state.student } : { student: state.student, code: text };
  return { ...state, outcome: { answers } };
}

export function promptScreen(options: PromptOptions): ScreenDef<PromptState, PromptCommand> {
  const { t } = options;
  return {
    commands: COMMANDS,
    keys: (state) => ({
      context: state.step,
      typing: state.value === '' ? 'empty' : 'text',
      flags: new Set([FLAG.field]),
    }),
    command: (state, id) =>
      id === 'submit' ? submit(state, options) : { ...state, outcome: 'cancelled' },
    fieldChange: (state, _field, value) => ({ ...state, value, problem: undefined }),
    frame: (state, o) => {
      const asking = state.step === 'student';
      return {
        header: [o.style.bold(options.title), ''],
        body: asking
          ? wrap(options.why, o.width)
          : [`${t('lab.ask.student')}: ${state.student}`, ...wrap(t('lab.ask.codeWhy'), o.width)],
        fill: false,
        page: state.step,
        pinned: [''],
        field: {
          id: state.step,
          label: `${t(asking ? 'lab.ask.student' : 'lab.ask.code')}: `,
          value: state.value,
          placeholder: t(asking ? 'lab.ask.studentPlaceholder' : 'lab.ask.codePlaceholder'),
          focused: true,
        },
        below: [state.problem === undefined ? '' : o.style.error(state.problem)],
      };
    },
  };
}
