/**
 * The student-id prompt of `cnn-tutor lab LAB` without `--student` (src/tui/lab/StudentPrompt),
 * driven through stdin (tests/helpers/ink-screen).
 */
import { afterEach, describe, expect, test } from 'vitest';
import { type PromptAnswers, StudentPrompt } from '../../src/tui/lab/StudentPrompt.js';
import { t } from '../grade/make-class.js';
import { KEYS } from '../helpers/fake-terminal.js';
import { mountScreen, unmountScreens } from '../helpers/ink-screen.js';
import { delay } from '../helpers/wait-for.js';

afterEach(unmountScreens);

function prompt(askCode?: (student: string) => boolean) {
  let done: PromptAnswers | undefined;
  let cancelled = false;
  let settled!: (outcome: PromptAnswers | 'cancelled') => void;
  const outcome = new Promise<PromptAnswers | 'cancelled'>((resolve) => {
    settled = resolve;
  });
  // 60 ms without a frame after each key: the field has subscribed again (ink-text-input does
  // so after every render; see StudentPrompt).
  const s = mountScreen(
    <StudentPrompt
      title="Lab 1: tensors, convolution, padding and pooling"
      why={t('lab.ask.studentWhy', { lab: 'lab-1' })}
      t={t}
      {...(askCode ? { askCode } : {})}
      onDone={(a) => {
        done = a;
        settled(a);
      }}
      onCancel={() => {
        cancelled = true;
        settled('cancelled');
      }}
    />,
    { quiet: 60 },
  );
  return {
    frame: s.frame,
    waitFor: s.waitFor,
    outcome,
    done: () => done,
    cancelled: () => cancelled,
    /** Each key in its own chunk, as a person types: the next one once the last is drawn. */
    type: s.press,
    /**
     * The first frame, and a moment for the field to subscribe to stdin (its effect runs after
     * the frame is written; a real terminal holds keys typed earlier until then, this stdin does not).
     */
    async ready(): Promise<void> {
      await s.waitFor((f) => f.includes('Student id:'));
      await delay(100);
    },
  };
}

describe('the student prompt', () => {
  test('shows the title, what the id is for, the field with a placeholder, and the keys', async () => {
    const p = prompt();
    await p.ready();
    const lines = p.frame().split('\n');
    expect(lines[0]).toBe('Lab 1: tensors, convolution, padding and pooling');
    expect(p.frame()).toContain('it picks your numbers and names your file ID.lab-1.json');
    // The cursor cell, then the example.
    expect(p.frame()).toContain('Student id:  e.g. alice or 20240042');
    expect(lines.at(-1)).toBe('Enter continue  Esc cancel  Ctrl+C quit');
  });

  test('typing an id and Enter resolves with it', async () => {
    const p = prompt();
    await p.ready();
    await p.type('a', 'l', 'i', 'c', 'e');
    await p.waitFor((f) => f.includes('Student id: alice'));
    await p.type(KEYS.enter);
    await expect(p.outcome).resolves.toEqual({ student: 'alice' });
    expect(p.cancelled()).toBe(false);
  });

  test('an id and Enter arriving in one chunk (a paste, tmux) is the id, then Enter', async () => {
    const p = prompt();
    await p.ready();
    await p.type('bobx\x7f\r');
    await expect(p.outcome).resolves.toEqual({ student: 'bob' });
  });

  test('an invalid id shows the reason, keeps what was typed, and does not resolve', async () => {
    const p = prompt();
    await p.ready();
    await p.type('../x');
    await p.waitFor((f) => f.includes('Student id: ../x'));
    await p.type(KEYS.enter);
    await p.waitFor((f) => f.includes('is not a valid student id'));
    expect(p.frame()).toContain('"../x" is not a valid student id: use letters, digits');
    expect(p.frame()).toContain('Student id: ../x');
    await delay(50);
    expect(p.done()).toBeUndefined();
    expect(p.cancelled()).toBe(false);
    // Fixing it is enough.
    await p.type(KEYS.backspace, KEYS.backspace, KEYS.backspace, KEYS.backspace, 'x', KEYS.enter);
    await expect(p.outcome).resolves.toEqual({ student: 'x' });
  });

  test('Enter on an empty field says what to type', async () => {
    const p = prompt();
    await p.ready();
    await p.type(KEYS.enter);
    await p.waitFor((f) => f.includes('Type your student id'));
    expect(p.done()).toBeUndefined();
  });

  test('Esc cancels', async () => {
    const p = prompt();
    await p.ready();
    await p.type('al', KEYS.escape);
    await expect(p.outcome).resolves.toBe('cancelled');
    expect(p.done()).toBeUndefined();
  });

  test('Ctrl+C cancels', async () => {
    const p = prompt();
    await p.ready();
    await p.type(KEYS.ctrlC);
    await expect(p.outcome).resolves.toBe('cancelled');
  });

  test('asks for the access code after the id when told to, checks it, and may be left empty', async () => {
    const asked: string[] = [];
    const p = prompt((student) => {
      asked.push(student);
      return true;
    });
    await p.ready();
    await p.type('alice', KEYS.enter);
    await p.waitFor((f) => f.includes('Access code:'));
    expect(asked).toEqual(['alice']);
    expect(p.frame()).toContain('Student id: alice');
    expect(p.frame()).toContain('Access code:  ABCD-EFGH-JKMN-PQRS, or empty');
    await p.type('nope', KEYS.enter);
    await p.waitFor((f) => f.includes('That is not an access code'));
    expect(p.frame()).toContain('Access code: nope');
    expect(p.done()).toBeUndefined();
    await p.type(...Array.from({ length: 4 }, () => KEYS.backspace), KEYS.enter);
    await expect(p.outcome).resolves.toEqual({ student: 'alice' });
  });

  test('a code that reads as one is passed on as typed', async () => {
    const p = prompt(() => true);
    await p.ready();
    await p.type('alice', KEYS.enter);
    await p.waitFor((f) => f.includes('Access code:'));
    await p.type('abcd-efgh-jkmn-pqrs', KEYS.enter);
    await expect(p.outcome).resolves.toEqual({ student: 'alice', code: 'abcd-efgh-jkmn-pqrs' });
  });
});
