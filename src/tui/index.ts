/** The interactive tutor, for the CLI to mount: `render(<App …/>, { exitOnCtrlC: false })`. */
export { App, type AppProps } from './App.js';
export type { SaveOutcome, SaveProgress } from './hooks/use-progress.js';
export { MIN_HEIGHT, MIN_WIDTH } from './view/screen.js';
