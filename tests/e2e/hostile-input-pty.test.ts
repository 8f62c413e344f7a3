/**
 * No byte sequence on stdin may end the tutor. The real program in a pseudo-terminal gets seeded
 * random storms of escape sequences that are no key (cut anywhere, as the terminal delivers
 * them) and control bytes, on every kind of screen: Home, a lesson's text, the sliding-window
 * demo, an exercise with a half-typed answer, the grid editor, the lab, the trainer and the
 * draw screen. After each storm it must still run, answer a key with a new frame, and still
 * hold what was typed. The storms are seeded (their numbers are in the tests' names);
 * `STORM_SEED=N` adds N to every seed, to try other storms.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { createTranslator } from '../../src/i18n/index.js';
import { storm } from '../tui/shell/hostile-input.js';
import { KEYS, type PtySession, hasPython, startTutor } from './pty-session.js';

const t = createTranslator('en');
const python = hasPython();
const SKIP_REASON =
  'python3 is not installed: the pseudo-terminal relay (tests/e2e/pty-relay.py) needs it';

/** Pieces per storm: a few kilobytes, more than one read of the terminal. */
const STORM = 600;

/**
 * Send storm `seed` in three writes, cut between two of its pieces: a write that ended in the
 * middle of a sequence, on a lone ESC, would be the Escape key if the rest came late enough.
 */
async function hit(app: PtySession, seed: number): Promise<void> {
  const parts = storm(seed + Number(process.env.STORM_SEED ?? 0), STORM);
  const third = Math.floor(parts.length / 3);
  app.send(Buffer.concat(parts.slice(0, third)));
  app.send(Buffer.concat(parts.slice(third, 2 * third)));
  app.send(Buffer.concat(parts.slice(2 * third)));
  expect(app.exitCode, `storm ${seed}\n${app.describe()}`).toBeNull();
}

const label = t('tui.exercise.answer-label');
/** The text in the answer field, if one is on screen. */
function field(screen: string): string | undefined {
  return screen
    .split('\n')
    .find((line) => line.startsWith(label.trimEnd()))
    ?.slice(label.length)
    .trimEnd();
}
const stepOf = (screen: string) => /· +step (\d+) of \d+/.exec(screen)?.[1];
const selectedLine = (screen: string) =>
  screen.split('\n').find((line) => line.trimStart().startsWith('›'));

/** Ctrl+C, and yes if asked; the program must then exit 0. */
async function quit(app: PtySession, question: RegExp): Promise<void> {
  app.send(KEYS.ctrlC);
  const deadline = performance.now() + 15_000;
  while (app.exitCode === null && performance.now() < deadline) {
    if (question.test(app.flatScreen())) {
      app.send('y');
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  expect(await app.waitForExit(), app.describe()).toBe(0);
}

describe('storms of escape sequences and control bytes', () => {
  let dir = '';
  let app: PtySession | undefined;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'cnn-tutor-storm-'));
  });
  afterEach(() => {
    app?.close();
    app = undefined;
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  test('tutor: Home, text, demo, a half-typed answer, the grid editor (storms 1–5)', async (ctx) => {
    ctx.skip(!python, SKIP_REASON);
    // The Convolution lesson begun, so that `c` on Home opens it at its first step.
    const stateDir = join(dir, 'tutor');
    mkdirSync(stateDir);
    const updatedAt = '2026-01-01T00:00:00Z';
    const progress = {
      format: 1,
      lessons: { convolution: { step: 0, visited: [0], completed: false, updatedAt } },
      exercises: {},
      last: { lesson: 'convolution', step: 0 },
    };
    writeFileSync(join(stateDir, 'progress.json'), JSON.stringify(progress));
    app = startTutor(stateDir);
    await app.waitFor(t('tui.home.title'), { what: 'Home', timeout: 25_000 });

    await hit(app, 1);
    const home = selectedLine(app.screen());
    app.send(KEYS.down);
    await app.waitFor((s) => selectedLine(s) !== home, { what: 'Home to move its cursor' });

    app.send('c');
    await app.waitFor((s) => stepOf(s) === '1', { what: 'the lesson at step 1' });
    await hit(app, 2);
    app.send('n');
    await app.waitFor((s) => stepOf(s) === '2', { what: 'step 2 after the storm' });
    app.send('n');
    // Step 3 is the sliding-window demo (its output cells are still hidden: `?`).
    await app.waitFor((s) => stepOf(s) === '3' && s.includes('[?]'), { what: 'the demo' });
    await hit(app, 3);
    app.send('n');
    await app.waitFor((s) => stepOf(s) === '4', { what: 'step 4 after the storm' });

    // Step 4 is an exercise whose answer line has focus when it opens.
    app.send('12');
    await app.waitFor((s) => field(s) === '12', { what: 'the half-typed answer' });
    await hit(app, 4);
    app.send('3');
    await app.waitFor((s) => field(s) === '123', { what: 'the answer, kept and typed on' });

    // Step 6 asks for a whole grid: Tab opens the grid editor from its answer line.
    app.send(KEYS.escape);
    await app.waitFor((s) => !s.includes(t('tui.cmd.leave-answer')), { what: 'leaving it' });
    app.send('n');
    await app.waitFor((s) => stepOf(s) === '5', { what: 'step 5' });
    app.send(KEYS.escape);
    await app.waitFor((s) => !s.includes(t('tui.cmd.leave-answer')), { what: 'leaving it' });
    app.send('n');
    await app.waitFor((s) => stepOf(s) === '6', { what: 'step 6' });
    app.send('\t');
    const grid = /Grid editor/;
    await app.waitFor((s) => grid.test(s), { what: 'the grid editor' });
    app.send('7');
    await app.waitFor(/\[ *7\]/, { what: '7 in the first cell' });
    await hit(app, 5);
    app.send('1');
    await app.waitFor(/\[ *71\]/, { what: 'the cell, kept and typed on' });

    await quit(app, /Quit\?/);
  });

  test('lab: the list and a half-typed answer (storms 6–7)', async (ctx) => {
    ctx.skip(!python, SKIP_REASON);
    const stateDir = join(dir, 'lab');
    mkdirSync(stateDir);
    app = startTutor(stateDir, [
      'lab',
      'lab-1',
      '--student',
      'alice',
      '--out',
      join(stateDir, 'alice.json'),
    ]);
    await app.waitFor((s) => selectedLine(s)?.includes(' 1.') ?? false, {
      what: 'the lab',
      timeout: 25_000,
    });
    await hit(app, 6);
    app.send(KEYS.down);
    await app.waitFor((s) => selectedLine(s)?.includes(' 2.') ?? false, { what: 'the cursor' });
    app.send(KEYS.enter);
    await app.waitFor((s) => field(s) === '', { what: 'exercise 2 and its answer line' });
    app.send('12');
    await app.waitFor((s) => field(s) === '12', { what: 'the half-typed answer' });
    await hit(app, 7);
    app.send('3');
    await app.waitFor((s) => field(s) === '123', { what: 'the answer, kept and typed on' });
    await quit(app, /Quit\?/);
  });

  test('trainer and draw screen (storms 8–9)', async (ctx) => {
    ctx.skip(!python, SKIP_REASON);
    const stateDir = join(dir, 'train');
    mkdirSync(stateDir);
    app = startTutor(stateDir, ['train', 'xo', '--live']);
    const paused = t('train.screen.state.paused');
    await app.waitFor(t('train.screen.title.xo'), { what: 'the trainer', timeout: 25_000 });
    app.send(' ');
    await app.waitFor((s) => s.includes(`${paused} ·`), { what: 'training paused' });
    await hit(app, 8);
    const batch = (s: string) => /batch (\d+) of/.exec(s)?.[1];
    const at = batch(app.screen());
    app.send('n');
    await app.waitFor((s) => batch(s) !== at && s.includes(`${paused} ·`), {
      what: 'one more batch',
    });

    app.send('d');
    const pen = (s: string) => /(\d+) ink pixels?/.exec(s)?.[1];
    await app.waitFor((s) => pen(s) === '0', { what: 'the draw screen' });
    await hit(app, 9);
    app.send('x');
    await app.waitFor((s) => Number(pen(s)) > 0, { what: 'the X drawn' });
    app.send('q');
    expect(await app.waitForExit(), app.describe()).toBe(0);
  });
});
