/** Training: networks built from a ModelSpec, datasets, the trainer, and the X/O and digits setups. */
export * from './dataset.js';
export * from './network.js';
export * from './trainer.js';
export * from './augment.js';
export * from './xo-data.js';
export * from './xo.js';
export * from './digits-data.js';
export * from './digits.js';
