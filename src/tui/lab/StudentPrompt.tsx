/**
 * Who is doing the lab, asked when `cnn-tutor lab LAB` was started in a terminal without
 * `--student`: the lab's title, what the id is for, and one field (Enter submits). The id is
 * checked with the grader's rule (`isStudentId`); a bad one shows the reason and keeps what was
 * typed. When `askCode` says so, an access code is asked the same way afterwards (empty: none).
 * Esc or Ctrl+C cancels. The CLI mounts it with `render(…, { exitOnCtrlC: false })`; see
 * `src/cli/lab-ask.tsx`.
 *
 * The field is an ink-text-input field. Keys that arrive in one chunk reach it one by one (the
 * CLI reads stdin through `keyByKey`); a chunk that reaches it whole, as when Ink is given a
 * stdin without it, is still read right: `alice\r` is the id, then Enter.
 */
import { Box, Text, useApp } from 'ink';
import TextInput from 'ink-text-input';
import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import { safeText } from '../../untrusted/safe-text.js';
import { isStudentId } from '../../grade/student-id.js';
import { parseCode } from '../../grade/variant.js';
import { createStyle } from '../../render/index.js';
import type { Translate } from '../../view/text.js';
import { useKeypress } from '../hooks/use-keypress.js';
import { typedText } from '../state/field-edit.js';

export interface PromptAnswers {
  /** A valid student id (trimmed). */
  readonly student: string;
  /** The access code as typed (it reads as a code), when one was given. */
  readonly code?: string;
}

export interface StudentPromptProps {
  /** The lab's title, shown first. */
  readonly title: string;
  /** The line saying what the id is for (it names the submission file). */
  readonly why: string;
  readonly t: Translate;
  /** Whether to ask for an access code once this id is accepted. @default never */
  readonly askCode?: (student: string) => boolean;
  /** @default false */
  readonly color?: boolean;
  /** Called once, after the prompt has cleared itself. */
  readonly onDone: (answers: PromptAnswers) => void;
  /** Called once on Esc or Ctrl+C, after the prompt has cleared itself. */
  readonly onCancel: () => void;
}

type Step = 'student' | 'code' | 'done';

export function StudentPrompt({
  title,
  why,
  t,
  askCode,
  color = false,
  onDone,
  onCancel,
}: StudentPromptProps) {
  const style = useMemo(() => createStyle({ color }), [color]);
  const [step, setStep] = useState<Step>('student');
  const [student, setStudent] = useState('');
  const [value, setValue] = useState('');
  // What the field shows now, as `change` cleaned it. Enter submits this rather than the raw
  // text ink-text-input passes, which may still hold a Backspace byte or a line break.
  const shown = useRef('');
  const show = (text: string): void => {
    shown.current = text;
    setValue(text);
  };
  const [problem, setProblem] = useState<string | undefined>(undefined);

  // The last frame is empty, so the prompt is gone before the lab screen (or the shell) comes back.
  const { exit } = useApp();
  const ending = useRef<(() => void) | undefined>(undefined);
  const finish = (then: () => void): void => {
    if (ending.current) return;
    ending.current = then;
    setStep('done');
  };
  useLayoutEffect(() => {
    if (step !== 'done' || !ending.current) return;
    ending.current();
    exit();
  }, [step, exit]);

  const submit = (text: string): void => {
    if (step === 'student') {
      const id = text.trim();
      if (!isStudentId(id)) {
        setProblem(
          id === '' ? t('lab.ask.studentEmpty') : t('lab.error.student', { student: safeText(id) }),
        );
        return;
      }
      if (askCode?.(id)) {
        setStudent(id);
        show('');
        setProblem(undefined);
        setStep('code');
        return;
      }
      finish(() => onDone({ student: id }));
    } else if (step === 'code') {
      const code = text.trim();
      if (code !== '' && parseCode(code) === undefined) {
        setProblem(t('lab.error.code'));
        return;
      }
      finish(() => onDone(code === '' ? { student } : { student, code }));
    }
  };

  const change = (next: string): void => {
    const typed = typedText(next);
    const end = typed.search(/[\r\n]/);
    if (end >= 0) {
      // "alice\r" in one chunk: the id, then Enter.
      show(typed.slice(0, end));
      submit(typed.slice(0, end));
      return;
    }
    show(typed);
    setProblem(undefined);
  };

  // Keys can arrive before the prompt has redrawn: the field calls the latest `change` and
  // `submit`, so a late key is never read against the step before.
  const latest = useRef({ submit, change });
  latest.current = { submit, change };

  useKeypress(
    (input, key) => {
      if (!key.escape && !(key.ctrl && input === 'c')) return false;
      finish(onCancel);
      return true;
    },
    { isActive: step !== 'done' },
  );

  if (step === 'done') return null;
  const asking = step === 'student';
  return (
    <Box flexDirection="column">
      <Text>{style.bold(title)}</Text>
      <Text> </Text>
      {asking ? null : <Text>{`${t('lab.ask.student')}: ${student}`}</Text>}
      <Text>{asking ? why : t('lab.ask.codeWhy')}</Text>
      <Text> </Text>
      <Box>
        <Text>{`${t(asking ? 'lab.ask.student' : 'lab.ask.code')}: `}</Text>
        <TextInput
          value={value}
          onChange={(next) => latest.current.change(next)}
          onSubmit={() => latest.current.submit(shown.current)}
        />
        {/* The example, dimmed only when colour is on (ink-text-input's own is always grey). */}
        {value === '' ? (
          <Text>
            {style.dim(t(asking ? 'lab.ask.studentPlaceholder' : 'lab.ask.codePlaceholder'))}
          </Text>
        ) : null}
      </Box>
      <Text>{problem === undefined ? ' ' : style.error(problem)}</Text>
      <Text> </Text>
      <Text>{style.dim(t('lab.ask.keys'))}</Text>
    </Box>
  );
}
