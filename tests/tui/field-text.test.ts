/**
 * What a one-line answer field ends up holding from what the terminal sent: pasted grids keep
 * their rows as `; `, tabs read as spaces, control characters never get in, and an Enter
 * typed with the text still checks it.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { encodeKey, fieldText } from '../../src/tui/shell/field-channel.js';
import { named, typed } from '../../src/tui/shell/input/key-press.js';
import { currentExercise } from '../../src/tui/state/reducer.js';
import { CELL, atCell, driveTutor, env } from './tutor-driver.js';

describe('fieldText', () => {
  test.each([
    ['0.55', '0.55'],
    ['1 2\n3 4\n', '1 2; 3 4'],
    ['\n\n1 2\n\n3 4', '1 2; 3 4'],
    ['1\t2\t3\n4\t5\t6', '1 2 3; 4 5 6'],
  ])('%j → %j', (raw, text) => {
    expect(fieldText(raw)).toBe(text);
  });
});

describe('the keys a field is sent', () => {
  test('a paste goes in cleaned; the editing keys as a terminal sends them', () => {
    expect(encodeKey(typed('1 2\n3 4', { paste: true }))).toBe('1 2; 3 4');
    expect(encodeKey(typed('\n', { paste: true }))).toBeUndefined();
    expect(encodeKey(named('backspace'))).toBe('\x7f');
    expect(encodeKey(named('left'))).toBe('\x1b[D');
    expect(encodeKey(typed('u', { ctrl: true }))).toBe('\x15');
    expect(encodeKey(typed('w', { ctrl: true }))).toBe('\x17');
    // Keys a field has no use for never reach it.
    expect(encodeKey(typed('a', { ctrl: true }))).toBeUndefined();
    expect(encodeKey(named('up'))).toBeUndefined();
  });
});

describe('what the answer line holds after bytes arrive in one chunk', () => {
  const after = (raw: string) => {
    const d = driveTutor(atCell()).press(raw);
    const session = currentExercise(d.state, env)!.session;
    return { draft: session.draft, checked: session.feedback !== undefined };
  };

  test.each([
    ['0.55', { draft: '0.55', checked: false }],
    ['5\r', { draft: '5', checked: true }],
    ['1 2\n3 4\r\n', { draft: '1 2; 3 4', checked: true }],
    // Copied with Windows line ends, or with blank lines between the rows.
    ['1 2\r\n3 4', { draft: '1 2; 3 4', checked: false }],
    ['1 2\r\n\r\n3 4', { draft: '1 2; 3 4', checked: false }],
    ['\r5', { draft: '5', checked: false }],
    ['12\x7f3', { draft: '13', checked: false }],
    ['1\t2\t3\n4\t5\t6', { draft: '1 2 3; 4 5 6', checked: false }],
  ])('%j → %j', (raw, expected) => {
    expect(after(raw)).toEqual(expected);
  });

  test('a control character is no text; Esc leaves the line with what was typed', () => {
    const d = driveTutor(atCell()).press('a\x01b\x1b');
    expect(currentExercise(d.state, env)!.session).toMatchObject({ draft: 'ab', focus: 'keys' });
  });

  test('the draft never holds a control character or a line break', () => {
    fc.assert(
      fc.property(fc.string(), (raw) => {
        const d = driveTutor(atCell()).press(raw);
        const session = currentExercise(d.state, env)?.session;
        // eslint-disable-next-line no-control-regex
        expect(session?.draft ?? '').not.toMatch(/[\u0000-\u001F\u007F]/);
      }),
    );
  });

  test('the field is the focused one: its id is the exercise', () => {
    const view = driveTutor(atCell()).frame().view;
    expect(view.kind === 'main' ? view.field?.id : undefined).toBe(CELL);
  });
});
