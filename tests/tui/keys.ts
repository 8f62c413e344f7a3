/** Ink key events for tests and benchmarks that drive the reducers without a terminal. */
import type { Key } from 'ink';

/** A key event with no key held: spread it and set the one that is pressed. */
export const NO_KEY: Key = {
  upArrow: false,
  downArrow: false,
  leftArrow: false,
  rightArrow: false,
  pageDown: false,
  pageUp: false,
  home: false,
  end: false,
  return: false,
  escape: false,
  ctrl: false,
  shift: false,
  tab: false,
  backspace: false,
  delete: false,
  meta: false,
  super: false,
  hyper: false,
  capsLock: false,
  numLock: false,
};

/** `key({ return: true })`: an event with just those keys set. */
export const key = (k: Partial<Key> = {}): Key => ({ ...NO_KEY, ...k });
