/**
 * ink-text-input as the tutor uses it, with `patches/ink-text-input+6.0.0.patch` applied:
 * keys that arrive before the field has subscribed again are applied to the latest text, the
 * cursor stays inside the text, Home and End move it, and Ctrl or Alt with a letter types
 * nothing.
 */
import TextInput from 'ink-text-input';
import { render } from 'ink-testing-library';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';

const KEYS = {
  left: '\u001B[D',
  right: '\u001B[C',
  backspace: '\u007F',
  enter: '\r',
  home: '\u001B[H',
  end: '\u001B[F',
  ctrlA: '\u0001',
  altB: '\u001Bb',
};

function Field({
  onValue,
  onSubmit,
}: {
  onValue: (v: string) => void;
  onSubmit?: (v: string) => void;
}) {
  const [value, setValue] = useState('');
  return (
    <TextInput
      value={value}
      onChange={(next) => {
        onValue(next);
        setValue(next);
      }}
      onSubmit={onSubmit}
    />
  );
}

function setup() {
  const values: string[] = [];
  const submitted: string[] = [];
  const app = render(<Field onValue={(v) => values.push(v)} onSubmit={(v) => submitted.push(v)} />);
  const last = () => values.at(-1) ?? '';
  return { app, values, submitted, last };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('ink-text-input, patched', () => {
  it('keeps every key typed faster than the field re-subscribes', async () => {
    const { app, last } = setup();
    await settle();
    for (const ch of 'abc12') app.stdin.write(ch);
    expect(last()).toBe('abc12');
    app.stdin.write(KEYS.backspace);
    app.stdin.write(KEYS.backspace);
    app.stdin.write('9');
    expect(last()).toBe('abc9');
    app.unmount();
  });

  it('submits the text as it is after the last key, not a key behind', async () => {
    const { app, submitted } = setup();
    await settle();
    app.stdin.write('4');
    app.stdin.write('2');
    app.stdin.write(KEYS.enter);
    expect(submitted).toEqual(['42']);
    app.unmount();
  });

  it('keeps the cursor inside the text when ← or → goes past an end', async () => {
    const { app, last } = setup();
    await settle();
    for (const ch of '12') app.stdin.write(ch);
    for (let k = 0; k < 4; k++) app.stdin.write(KEYS.left);
    app.stdin.write('3');
    expect(last()).toBe('312');
    for (let k = 0; k < 5; k++) app.stdin.write(KEYS.right);
    app.stdin.write('4');
    expect(last()).toBe('3124');
    app.unmount();
  });

  it('moves the cursor to the start with Home and to the end with End', async () => {
    const { app, last } = setup();
    await settle();
    for (const ch of '5/9') app.stdin.write(ch);
    app.stdin.write(KEYS.home);
    app.stdin.write('-');
    expect(last()).toBe('-5/9');
    app.stdin.write(KEYS.left);
    app.stdin.write(KEYS.end);
    app.stdin.write('0');
    expect(last()).toBe('-5/90');
    app.unmount();
  });

  it('types nothing for Ctrl or Alt with a letter', async () => {
    const { app, values } = setup();
    await settle();
    app.stdin.write('5');
    app.stdin.write(KEYS.ctrlA);
    app.stdin.write(KEYS.altB);
    app.stdin.write('6');
    expect(values).toEqual(['5', '56']);
    app.unmount();
  });
});
