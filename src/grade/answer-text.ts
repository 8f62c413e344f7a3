/** An engine answer in the tutor's own syntax (`0.5556`, `26x26x10`, `1 2; 3 4`, `c`, `yes`). */
import { formatAnswer } from '../content/answer-parser.js';
import type { AnswerValue } from '../content/types.js';

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
