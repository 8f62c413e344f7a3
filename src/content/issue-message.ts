/**
 * An issue with a content file (a lesson, an exercise's `given`, a lab) as content reports it:
 * the field it is about and what is wrong, in English, for check-content and the loaders. The
 * words are the project's one translator's (untrusted/zod-issue.ts); this is their packaging.
 */
import { englishText } from '../i18n/index.js';
import type { IssueReading, PathKey } from '../untrusted/zod-issue.js';

export interface ContentIssue {
  /** The field the message is about: an unknown field's own path, a missing field's path. */
  readonly path: PathKey[];
  readonly message: string;
}

/** `suggest` offers the closest known name for an unknown field ("did you mean"). */
export function contentIssue(
  reading: IssueReading,
  suggest: (key: string) => string | undefined = () => undefined,
): ContentIssue {
  switch (reading.kind) {
    case 'unknown': {
      const [key, ...more] = reading.keys;
      const guess = suggest(key);
      let message = `unknown field \`${key}\`${guess ? ` (did you mean \`${guess}\`?)` : ''}`;
      if (more.length > 0) message += ` and ${more.map((k) => `\`${k}\``).join(', ')}`;
      return { path: [...reading.path, key], message };
    }
    case 'missing':
      return { path: reading.path, message: `missing \`${String(reading.path.at(-1))}\`` };
    case 'invalid':
      // A schema's own words say what they mean; the translator's say what came too.
      return {
        path: reading.path,
        message:
          typeof reading.problem === 'string'
            ? reading.problem
            : `${englishText(reading.problem)} (got ${englishText(reading.got)})`,
      };
  }
}
