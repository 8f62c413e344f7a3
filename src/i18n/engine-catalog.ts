/**
 * The engine's English as catalog entries: `engine.error.<code>` and `engine.value.<code>`.
 * The engine words its own errors (it imports nothing), so its table is the one source of
 * this English; the English catalog takes it from there, and a translation words the same keys.
 */
import { ENGINE_ERROR_MESSAGES, ENGINE_PHRASES } from '../engine/error-messages.js';

export const ENGINE_CATALOG: Readonly<Record<string, string>> = Object.fromEntries([
  ...Object.entries(ENGINE_ERROR_MESSAGES).map(([code, text]) => [`engine.error.${code}`, text]),
  ...Object.entries(ENGINE_PHRASES).map(([code, text]) => [`engine.value.${code}`, text]),
]);
