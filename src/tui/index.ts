/** The interactive tutor, for the CLI to mount inside a `ShellRoot`. */
export { App, type AppProps } from './App.js';
export type { SaveOutcome, SaveProgress } from './hooks/use-progress.js';
export { type Later, loadLater } from './later.js';
export { MIN_HEIGHT, MIN_WIDTH } from './shell/frame.js';
export { ShellRoot } from './shell/ShellRoot.js';
