/** The screens that train networks live and let the learner draw for the X/O network. */
export { DrawScreen, type DrawScreenProps } from './DrawScreen.js';
export { TrainApp, type TrainAppProps } from './TrainApp.js';
export { TrainerScreen, type TrainerScreenProps } from './TrainerScreen.js';
export { type TrainingSession, createXoSession } from './session.js';
export { type HandSet, handSetOf } from './hand-set.js';
