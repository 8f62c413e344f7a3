/** The CNN engine: pure, dependency-free, every step explainable. */
export * from './errors.js';
export * from './tensor.js';
export * from './geometry.js';
export * from './nested.js';
export * from './conv1d.js';
export * from './conv2d.js';
export * from './pool.js';
export * from './explain.js';
export * from './activations.js';
export * from './dense.js';
export * from './explain-text.js';
export * from './arithmetic.js';
export * from './params.js';
export * from './receptive-field.js';
export * from './model.js';
export * from './summary.js';
