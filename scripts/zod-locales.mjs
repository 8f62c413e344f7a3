// zod's locales, English only (see zodEnglishOnly in build.mjs).
export { default as en } from '../node_modules/zod/v4/locales/en.js';
