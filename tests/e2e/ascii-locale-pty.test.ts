/**
 * Under `LANG=C` (no UTF-8) the tutor draws every screen in plain ASCII, as with `--ascii`:
 * Home, a lesson's text and figures, the sliding-window demo, an exercise, the help, the trainer
 * and the draw screen. Everything the program writes to the terminal is checked, every frame.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, test } from 'vitest';
import { createTranslator } from '../../src/i18n/index.js';
import { KEYS, type PtySession, hasPython, startTutor, tutorEnv } from './pty-session.js';

const t = createTranslator('en');
const python = hasPython();
const SKIP_REASON =
  'python3 is not installed: the pseudo-terminal relay (tests/e2e/pty-relay.py) needs it';
/** The step in the lesson header, `Convolution  |  step N of M` (not the line on Home). */
const stepOf = (screen: string) => /^Convolution +\S +step (\d+) of \d+/m.exec(screen)?.[1];
const NON_ASCII = /[^\u0000-\u007F]/g;

describe('the tutor without a UTF-8 locale', () => {
  const stateDir = mkdtempSync(join(tmpdir(), 'cnn-tutor-ascii-'));
  // Python (the relay) would otherwise set LC_CTYPE=C.UTF-8 for the tutor (PEP 538).
  const env = tutorEnv(stateDir, { LANG: 'C', LC_CTYPE: '', PYTHONCOERCECLOCALE: '0' });
  let app: PtySession | undefined;
  afterEach(() => {
    app?.close();
    app = undefined;
  });
  afterAll(() => rmSync(stateDir, { recursive: true, force: true }));

  test('Home, text, a figure, the demo, an exercise and the help are ASCII', async (ctx) => {
    ctx.skip(!python, SKIP_REASON);
    // The Convolution lesson begun, so that `c` on Home opens it.
    const updatedAt = '2026-01-01T00:00:00Z';
    const progress = {
      format: 1,
      lessons: { convolution: { step: 0, visited: [0], completed: false, updatedAt } },
      exercises: {},
      last: { lesson: 'convolution', step: 0 },
    };
    writeFileSync(join(stateDir, 'progress.json'), JSON.stringify(progress));
    app = startTutor(stateDir, [], { env });
    await app.waitFor(t('tui.home.title'), { what: 'Home', timeout: 25_000 });
    app.send('?');
    await app.waitFor((s) => s.includes('Esc'), { what: 'the help' });
    app.send(KEYS.escape);
    await app.waitFor((s) => !s.includes('Esc'), { what: 'Home again' });
    app.send('c');
    await app.waitFor((s) => stepOf(s) === '1', { what: 'step 1' });
    for (const step of ['2', '3']) {
      app.send('n');
      await app.waitFor((s) => stepOf(s) === step, { what: `step ${step}` });
    }
    // The demo: one window further, its products and the output cell.
    app.send(KEYS.right);
    await app.waitFor((s) => !s.includes('[?]') || s.includes('='), { what: 'the demo moving' });
    app.send('n');
    await app.waitFor((s) => stepOf(s) === '4', { what: 'the exercise' });
    app.send('-7');
    await app.waitFor(/-7/, { what: 'a typed answer' });
    expect(app.output.match(NON_ASCII) ?? [], app.describe()).toEqual([]);
  });

  test('the trainer and the draw screen are ASCII', async (ctx) => {
    ctx.skip(!python, SKIP_REASON);
    app = startTutor(stateDir, ['train', 'xo', '--live'], { env });
    await app.waitFor(t('train.screen.title.xo'), { what: 'the trainer', timeout: 25_000 });
    await app.waitFor(/held-out\s+\S/, { what: 'the curves' });
    app.send('d');
    await app.waitFor(/ink pixel/, { what: 'the draw screen' });
    // A key sent the moment the draw screen opens is sometimes lost (seen here, not yet
    // understood; the storm test gives the screen time): send it again until it takes.
    for (let tries = 0; / 0 ink pixels/.test(app.screen()) && tries < 20; tries++) {
      app.send('x');
      await app
        .waitFor((s) => !/ 0 ink pixels/.test(s), { what: 'an X', timeout: 1000 })
        .catch(() => undefined);
    }
    expect(app.screen()).not.toMatch(/ 0 ink pixels/);
    app.send('q');
    expect(await app.waitForExit()).toBe(0);
    expect(app.output.match(NON_ASCII) ?? [], app.describe()).toEqual([]);
  });
});
