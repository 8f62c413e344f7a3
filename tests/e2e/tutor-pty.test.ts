/**
 * The real program (`node bin/cnn-tutor.js`) in a real pseudo-terminal, 80×24, driven with the
 * bytes a terminal sends: open the Convolution lesson from Home, answer its first exercise
 * wrong (a hint) and then right, quit, and find it all in progress.json; start again and
 * continue where it stopped. Nothing about the course is written here: titles, steps, hints
 * and the right answer come from the YAML files and the engine.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { conv2d, filtersFrom, volumeFrom } from '../../src/engine/index.js';
import { createTranslator } from '../../src/i18n/index.js';
import { KEYS, PtySession, ROOT, hasPython, startTutor, tutorEnv } from './pty-session.js';

const t = createTranslator('en');
const LESSON_ID = 'convolution';

/** A text field of the course: a string, or strings by language. */
function text(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value !== null && typeof value === 'object' && 'en' in value) return String(value.en);
  throw new Error(`Expected a text, got ${JSON.stringify(value)}`);
}

function readYaml(path: string): any {
  return parse(readFileSync(join(ROOT, path), 'utf8'));
}

/** The lesson and its first exercise, as the course files say. */
function courseFacts() {
  const lesson = readYaml(`lessons/${LESSON_ID}.yaml`);
  const steps: any[] = lesson.steps;
  const exerciseSteps = steps.flatMap((s, index) =>
    typeof s.exercise === 'string' ? [{ index, id: s.exercise as string }] : [],
  );
  const first = exerciseSteps[0];
  const exercises: any[] = readYaml(`exercises/${LESSON_ID}.yaml`).exercises;
  const def = exercises.find((e) => e.id === first.id);
  if (!def?.given) throw new Error(`Expected ${first.id} to have fixed numbers (\`given\`)`);
  // The engine's answer: the asked cell of the convolution of `given`.
  const { given } = def;
  const input = volumeFrom('input', given.input);
  const out = conv2d(input, filtersFrom('kernels', given.kernels, input.shape[0]), {
    bias: given.bias,
    stride: given.stride,
    padding: given.padding,
    dilation: given.dilation,
    scale: given.scale,
  });
  const [f, r, c] = given.cell as [number, number, number];
  const [, outH, outW] = out.shape;
  const right = out.data[(f * outH + r) * outW + c];
  return {
    title: text(lesson.title),
    stepCount: steps.length,
    exerciseCount: exerciseSteps.length,
    exerciseId: first.id,
    exerciseTitle: text(def.title),
    stepIndex: first.index,
    firstHint: text(def.hints[0]),
    // The prompt's first words, before any {placeholder} is filled in.
    promptStart: text(def.prompt)
      .split('{')[0]
      .replace(/\s+/g, ' ')
      .trim()
      .split(' ')
      .slice(0, 6)
      .join(' '),
    right,
  };
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `Title · step N of M` in the lesson header. */
function stepOf(screen: string, title: string): number | undefined {
  const m = new RegExp(`^${escape(title)}\\s+·\\s+step (\\d+) of \\d+`, 'm').exec(screen);
  return m ? Number(m[1]) : undefined;
}

/** The Home line under the cursor (marked `›`). */
function selectedLine(screen: string): string | undefined {
  return screen.split('\n').find((line) => line.trimStart().startsWith('›'));
}

/** Press `q` and, if the tutor asks whether to quit, say yes; then expect exit code 0. */
async function quit(app: PtySession): Promise<void> {
  app.send('q');
  const question = t('shell.quit.question');
  const deadline = performance.now() + 15_000;
  while (app.exitCode === null && performance.now() < deadline) {
    if (app.screen().includes(question)) {
      app.send('y');
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  expect(await app.waitForExit(), app.describe()).toBe(0);
}

const python = hasPython();
const SKIP_REASON =
  'python3 is not installed: the pseudo-terminal relay (tests/e2e/pty-relay.py) needs it';

describe('the tutor in a pseudo-terminal', () => {
  const facts = courseFacts();
  let stateDir = '';
  let app: PtySession | undefined;

  beforeAll(() => {
    stateDir = mkdtempSync(join(tmpdir(), 'cnn-tutor-e2e-'));
  });
  afterEach(() => {
    app?.close();
    app = undefined;
  });
  afterAll(() => {
    rmSync(stateDir, { recursive: true, force: true });
  });

  test('Home → Convolution → first exercise: wrong (a hint), then right; saved on quit', async (ctx) => {
    ctx.skip(!python, SKIP_REASON);
    app = startTutor(stateDir);
    // Generous: on a loaded machine the first start may also rebuild dist/cli.js.
    await app.waitFor(t('tui.home.title'), { what: 'the Home screen', timeout: 25_000 });

    // Down until the highlighted lesson is Convolution, whatever its place in the list.
    let selected = selectedLine(app.screen());
    for (let presses = 0; !selected?.includes(facts.title); presses++) {
      if (presses > 20) throw new Error(`No lesson "${facts.title}" on Home.\n${app.describe()}`);
      const before = selected;
      app.send(KEYS.down);
      await app.waitFor((s) => selectedLine(s) !== before, { what: 'the cursor to move' });
      selected = selectedLine(app.screen());
    }

    app.send(KEYS.enter);
    await app.waitFor((s) => stepOf(s, facts.title) === 1, { what: 'the lesson at step 1' });

    // Step through with `n` until the first exercise is on screen.
    for (let step = 1; step < facts.stepIndex + 1; step++) {
      app.send('n');
      await app.waitFor((s) => stepOf(s, facts.title) === step + 1, {
        what: `step ${step + 1}`,
      });
    }
    const screen = await app.waitFor(facts.exerciseTitle, { what: 'the exercise title' });
    expect(screen).toContain(`step ${facts.stepIndex + 1} of ${facts.stepCount}`);

    // The answer line has focus when the exercise opens (the footer offers to leave it); if not,
    // focus it. The field's cursor is reverse video, which the screen text does not show.
    const label = t('tui.exercise.answer-label');
    const field = (s: string) =>
      s
        .split('\n')
        .find((line) => line.startsWith(label.trimEnd()))
        ?.slice(label.length)
        .trimEnd();
    const focused = (s: string) => s.includes(t('tui.cmd.leave-answer')) && field(s) === '';
    if (!focused(screen)) {
      app.send('i');
      await app.waitFor(focused, { what: 'the answer line to take focus' });
    }

    // Wrong first: far from the right answer, so no named mistake explains it.
    const wrong = String(facts.right + 100);
    app.send(wrong);
    await app.waitFor((s) => field(s) === wrong, { what: 'the wrong answer typed' });
    app.send(KEYS.enter);
    await app.waitFor(t('tui.exercise.wrong'), { what: '"Not quite"' });
    await app.waitFor(t('tui.exercise.hint', { n: 1, text: facts.firstHint }), {
      what: 'the first hint',
    });
    expect(app.screen()).not.toContain(t('tui.exercise.correct'));
    // At 80×24 the question stays in view with the answer and the feedback: it is pinned.
    const flat = app.screen().replace(/\s+/g, ' ');
    expect(flat, app.describe()).toContain(facts.promptStart);
    expect(flat).toContain(t('tui.exercise.wrong'));

    // Erase it, one Backspace at a time, and type the engine's answer.
    for (let left = wrong.length - 1; left >= 0; left--) {
      const rest = wrong.slice(0, left);
      app.send(KEYS.backspace);
      await app.waitFor((s) => field(s) === rest, { what: `"${rest}" left in the field` });
    }
    const right = String(facts.right);
    app.send(right);
    await app.waitFor((s) => field(s) === right, { what: 'the right answer typed' });
    app.send(KEYS.enter);
    await app.waitFor(t('tui.exercise.correct'), { what: '"Right!"' });

    await quit(app);

    const progress = JSON.parse(readFileSync(join(stateDir, 'progress.json'), 'utf8'));
    expect(progress.exercises[facts.exerciseId]).toMatchObject({
      status: 'correct',
      attempts: 2,
      lastAnswer: right,
    });
    expect(progress.lessons[LESSON_ID].step).toBe(facts.stepIndex);
    expect(progress.last).toEqual({ lesson: LESSON_ID, step: facts.stepIndex });
  });

  // Runs on the state the test above left (tests in a file run in order).
  test('started again: Home shows the progress and `c` continues at the same step', async (ctx) => {
    ctx.skip(!python, SKIP_REASON);
    app = startTutor(stateDir);
    await app.waitFor(t('tui.home.title'), { what: 'the Home screen', timeout: 25_000 });
    const lessonRow = (s: string) =>
      s.split('\n').find((line) => new RegExp(`\\d+\\. ${escape(facts.title)}\\s`).test(line));
    const row = lessonRow(
      await app.waitFor((s) => lessonRow(s) !== undefined, {
        what: `the ${facts.title} row on Home`,
      }),
    );
    expect(row, app.describe()).toMatch(new RegExp(`1/${facts.exerciseCount}$`));

    app.send('c');
    await app.waitFor((s) => stepOf(s, facts.title) === facts.stepIndex + 1, {
      what: `the lesson at step ${facts.stepIndex + 1}`,
    });
    expect(app.screen()).toContain(facts.exerciseTitle);

    await quit(app);
  });

  test('with standard output not a terminal it says so on stderr and exits 2', async (ctx) => {
    ctx.skip(!python, SKIP_REASON);
    const out = join(stateDir, 'stdout.txt');
    app = new PtySession(['sh', '-c', `exec "$0" bin/cnn-tutor.js > "$1"`, process.execPath, out], {
      env: tutorEnv(stateDir),
    });
    expect(await app.waitForExit(25_000), app.describe()).toBe(2);
    const message = t('cli.tutor.not-a-terminal', { which: t('cli.tutor.stdout') });
    expect(app.flatScreen()).toContain(message.replace(/\s+/g, ' '));
    expect(readFileSync(out, 'utf8')).toBe('');
  });
});

test('with standard input not a terminal it says so on stderr and exits 2', () => {
  const stateDir = mkdtempSync(join(tmpdir(), 'cnn-tutor-e2e-'));
  const r = spawnSync(process.execPath, ['bin/cnn-tutor.js'], {
    cwd: ROOT,
    input: '',
    encoding: 'utf8',
    env: tutorEnv(stateDir),
    timeout: 25_000,
  });
  rmSync(stateDir, { recursive: true, force: true });
  expect(r.status, r.stderr).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr).toBe(`${t('cli.tutor.not-a-terminal', { which: t('cli.tutor.stdin') })}\n`);
  expect(r.stderr).not.toMatch(/raw mode/i);
});
