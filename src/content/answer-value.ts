/**
 * An answer between its three forms: what `parseAnswer` read (`Answer`), the value compared
 * with the engine's (`AnswerValue`), and the tutor's own text for it, which the progress file,
 * the answer key and the grade reports keep.
 */
import { formatAnswer } from './answer-format.js';
import type { Answer } from './answer-parser.js';
import type { AnswerValue } from './types.js';

export function answerValue(answer: Answer): AnswerValue {
  switch (answer.kind) {
    case 'number':
      return { kind: 'number', value: answer.value };
    case 'shape':
      return { kind: 'shape', dims: answer.dims };
    case 'grid':
      return { kind: 'grid', rows: answer.rows };
    case 'choice':
      return { kind: 'choice', index: answer.index };
    case 'yesno':
      return { kind: 'yesno', value: answer.value };
  }
}

/** The canonical text of an answer value (`0.5556`, `26x26x10`, `1 2; 3 4`, `c`, `yes`). */
export function answerText(value: AnswerValue): string {
  switch (value.kind) {
    case 'number':
      return formatAnswer('number', value.value);
    case 'shape':
      return formatAnswer('shape', value.dims);
    case 'grid':
      return formatAnswer('grid', value.rows);
    case 'choice':
      return formatAnswer('choice', value.index);
    case 'yesno':
      return formatAnswer('yesno', value.value);
  }
}
