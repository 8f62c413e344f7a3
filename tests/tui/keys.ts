/** Ink key events for tests and benchmarks that drive the reducers without a terminal. */
import type { Key } from 'ink';
import { NO_KEY } from '../../src/tui/keymap.js';

/** A key event with no key held: spread it and set the one that is pressed. */
export { NO_KEY };

/** `key({ return: true })`: an event with just those keys set. */
export const key = (k: Partial<Key> = {}): Key => ({ ...NO_KEY, ...k });
