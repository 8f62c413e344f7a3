/** The interactive lab screen, for the CLI to mount: `render(<LabScreenApp …/>, { exitOnCtrlC: false })`. */
export { LabScreenApp, type LabScreenProps, type SaveAnswer } from './LabScreen.js';
