/**
 * A 100 KB answer pasted into the lab screen in a real pseudo-terminal, as a terminal sends a
 * paste (bracketed): it lands whole, as one edit, and is saved to the submission file exactly.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { createTranslator } from '../../src/i18n/index.js';
import { PASTE_END, PASTE_START } from '../../src/tui/shell/input/key-press.js';
import { KEYS, PtySession, hasPython, tutorEnv } from './pty-session.js';

const t = createTranslator('en');

describe('the lab screen in a pseudo-terminal', () => {
  let dir = '';
  let app: PtySession | undefined;
  afterEach(() => {
    app?.close();
    app = undefined;
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('a 100 KB pasted grid answer is saved exactly', async (ctx) => {
    ctx.skip(!hasPython(), 'python3 is not installed: the pseudo-terminal relay needs it');
    dir = mkdtempSync(join(tmpdir(), 'cnn-tutor-lab-paste-'));
    const out = join(dir, 'alice.lab-1.json');
    app = new PtySession(
      [process.execPath, 'bin/cnn-tutor.js', 'lab', 'lab-1', '--student', 'alice', '--out', out],
      { env: tutorEnv(dir) },
    );
    await app.waitFor('Lab 1', { what: 'the lab list', timeout: 25_000 });
    // The fifth exercise of lab-1 is a whole map: a grid answer, which may be that long.
    for (let k = 0; k < 4; k++) app.send(KEYS.down);
    app.send(KEYS.enter);
    await app.waitFor((s) => s.includes('Exercise 5 of'), { what: 'exercise 5' });

    const row = Array.from({ length: 49 }, (_, i) => String(i % 10)).join(' ');
    const rows = Array.from({ length: 1010 }, () => row);
    const pasted = rows.join('\n');
    // 100 KB as saved (rows joined by '; '), just under the lab's 100,000-character limit.
    expect(rows.join('; ').length).toBeGreaterThan(99_900);
    app.send(PASTE_START + pasted + PASTE_END);
    app.send(KEYS.enter);
    await app.waitFor(
      t('lab.screen.saved', { number: 5, file: '' }).trim().split(' ').slice(0, 3).join(' '),
      {
        what: 'the answer saved',
      },
    );
    const saved = JSON.parse(readFileSync(out, 'utf8')) as { answers: Record<string, string> };
    expect(saved.answers['conv-whole-map']).toBe(rows.join('; '));

    app.send('q');
    expect(await app.waitForExit(), app.describe()).toBe(0);
  });
});
