import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  closeSync,
  constants,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readdirSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type Progress,
  emptyProgress,
  recordAnswer,
  recordReveal,
  recordStep,
  resetLesson,
} from '../../src/content/progress.js';
import { PROGRESS_FILE, loadProgress, saveProgress } from '../../src/storage/progress-store.js';
import { createTranslator } from '../../src/i18n/index.js';

const now = new Date('2025-01-31T09:45:01.123Z');
const STAMP = '2025-01-31T094501.123Z';
const t = createTranslator('en');

let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cnn-tutor-progress-'));
  file = join(dir, PROGRESS_FILE);
});
afterEach(() => {
  chmodSync(dir, 0o700);
  rmSync(dir, { recursive: true, force: true });
});

const sample = recordAnswer(
  recordStep(emptyProgress(), 'padding', 2, now),
  'padding.1',
  { correct: true, answer: '28', seed: 5 },
  now,
);

describe('saveProgress and loadProgress', () => {
  it('round-trip, as pretty JSON with a trailing newline', async () => {
    const nested = join(dir, 'a', 'b');
    expect(await saveProgress(nested, sample)).toEqual({
      ok: true,
      file: join(nested, PROGRESS_FILE),
    });
    const text = readFileSync(join(nested, PROGRESS_FILE), 'utf8');
    expect(text).toBe(`${JSON.stringify(sample, null, 2)}\n`);
    expect(await loadProgress(nested, { now })).toEqual({
      progress: sample,
      canSave: true,
      file: join(nested, PROGRESS_FILE),
    });
  });

  it('start fresh without a notice when there is no file yet', async () => {
    expect(await loadProgress(join(dir, 'missing'))).toEqual({
      progress: emptyProgress(),
      canSave: true,
      file: join(dir, 'missing', PROGRESS_FILE),
    });
  });

  it('read a file with a byte-order mark', async () => {
    writeFileSync(file, `\uFEFF${JSON.stringify(sample)}`);
    expect((await loadProgress(dir)).progress).toEqual(sample);
  });

  it('replace the previous file and leave no temporary files', async () => {
    await saveProgress(dir, emptyProgress());
    await saveProgress(dir, sample);
    expect(readdirSync(dir)).toEqual([PROGRESS_FILE]);
    expect((await loadProgress(dir)).progress).toEqual(sample);
  });
});

describe('loadProgress with a file it cannot use', () => {
  it('moves a file that is not JSON aside, bytes intact, and says where', async () => {
    const bytes = Buffer.from([0x7b, 0x22, 0x66, 0xff, 0x00, 0x0a]); // `{"f`, a bad byte, NUL, newline
    writeFileSync(file, bytes);
    const result = await loadProgress(dir, { now });
    const backup = `${file}.corrupt-${STAMP}`;
    expect(result).toEqual({
      progress: emptyProgress(),
      notice: { key: 'progress.load.notJson', params: { file, backup } },
      canSave: true,
      file,
    });
    expect(readFileSync(backup)).toEqual(bytes);
    expect(readdirSync(dir)).toEqual([`${PROGRESS_FILE}.corrupt-${STAMP}`]);
    expect(t.message(result.notice!)).toBe(
      `${file} is not valid JSON, so your progress starts fresh. The old file was kept as ${backup}.`,
    );
  });

  it('moves JSON of the wrong shape aside, naming the wrong field', async () => {
    writeFileSync(
      file,
      JSON.stringify({ format: 1, lessons: { a: { step: 'two' } }, exercises: {} }),
    );
    const result = await loadProgress(dir, { now });
    expect(result.notice).toEqual({
      key: 'progress.load.wrongShape',
      params: {
        file,
        backup: `${file}.corrupt-${STAMP}`,
        detail: expect.stringMatching(/^lessons\.a\.step: /),
      },
    });
    expect(result.progress).toEqual(emptyProgress());
  });

  it.each([
    ['no format', { lessons: {}, exercises: {} }],
    ['format 0', { format: 0, lessons: {}, exercises: {} }],
    ['a string format', { format: 'one', lessons: {}, exercises: {} }],
    ['an array', [1, 2]],
    ['null', null],
  ])('treats %s as the wrong shape', async (_, data) => {
    writeFileSync(file, JSON.stringify(data));
    expect((await loadProgress(dir, { now })).notice?.key).toBe('progress.load.wrongShape');
  });

  it('moves a file from a newer cnn-tutor aside under its own name', async () => {
    writeFileSync(file, JSON.stringify({ format: 2, whatever: true }));
    const result = await loadProgress(dir, { now });
    const backup = `${file}.newer-${STAMP}`;
    expect(result.notice).toEqual({
      key: 'progress.load.newer',
      params: { file, backup, format: 2, known: 1 },
    });
    expect(JSON.parse(readFileSync(backup, 'utf8'))).toEqual({ format: 2, whatever: true });
    expect(t.message(result.notice!)).toContain(
      'was written by a newer cnn-tutor (progress format 2',
    );
  });

  it('moves a directory standing where the file should be aside, and can save afterwards', async () => {
    mkdirSync(file);
    writeFileSync(join(file, 'inside.txt'), 'kept');
    const result = await loadProgress(dir, { now });
    expect(result.notice).toMatchObject({
      key: 'progress.load.unreadable',
      params: { file, backup: `${file}.corrupt-${STAMP}` },
    });
    expect(result.notice?.params?.error).toMatch(/EISDIR/);
    expect(readFileSync(join(`${file}.corrupt-${STAMP}`, 'inside.txt'), 'utf8')).toBe('kept');
    expect((await saveProgress(dir, sample)).ok).toBe(true);
  });

  it('never overwrites an earlier backup', async () => {
    for (let i = 0; i < 3; i++) {
      writeFileSync(file, `broken ${i}`);
      await loadProgress(dir, { now });
    }
    const base = `${PROGRESS_FILE}.corrupt-${STAMP}`;
    expect(readdirSync(dir).sort()).toEqual([base, `${base}-2`, `${base}-3`]);
    expect(readFileSync(join(dir, `${base}-3`), 'utf8')).toBe('broken 2');
  });

  it.skipIf(process.getuid?.() === 0)(
    'says it cannot save when the file can be neither used nor moved',
    async () => {
      writeFileSync(file, 'broken');
      chmodSync(dir, 0o500);
      const result = await loadProgress(dir, { now });
      expect(result).toMatchObject({
        canSave: false,
        notice: { key: 'progress.load.stuck', params: { file } },
      });
      chmodSync(dir, 0o700);
      expect(readFileSync(file, 'utf8')).toBe('broken');
    },
  );
});

describe('saveProgress failures', () => {
  it('returns an error when the folder cannot be created (its parent is a file), even for root', async () => {
    writeFileSync(join(dir, 'blocker'), 'a file');
    const target = join(dir, 'blocker', 'state');
    const result = await saveProgress(target, sample);
    expect(result).toMatchObject({
      ok: false,
      file: join(target, PROGRESS_FILE),
      error: { key: 'progress.save.failed', params: { file: join(target, PROGRESS_FILE) } },
    });
    if (result.ok) return;
    expect(result.error.params?.error).toMatch(/ENOTDIR|EEXIST/);
    expect(t.message(result.error)).toMatch(
      /^Could not save progress to .*: .*\. Your answers are kept for this session\.$/,
    );
    expect(readdirSync(dir)).toEqual(['blocker']);
  });

  it('returns an error and leaves no temporary file when a directory is in the way', async () => {
    mkdirSync(file);
    const result = await saveProgress(dir, sample);
    expect(result).toMatchObject({ ok: false, error: { key: 'progress.save.unusable' } });
    expect(readdirSync(dir)).toEqual([PROGRESS_FILE]);
  });

  it('does not overwrite a file that became unreadable after the start', async () => {
    writeFileSync(file, 'written by something else');
    const result = await saveProgress(dir, sample);
    expect(result).toMatchObject({ ok: false, error: { key: 'progress.save.unusable' } });
    expect(readFileSync(file, 'utf8')).toBe('written by something else');
  });

  it.skipIf(process.getuid?.() === 0)('returns an error for a read-only folder', async () => {
    chmodSync(dir, 0o500);
    const result = await saveProgress(dir, sample);
    expect(result.ok).toBe(false);
    chmodSync(dir, 0o700);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('loading when the state folder path runs through a file gives fresh progress', async () => {
    writeFileSync(join(dir, 'blocker'), 'a file');
    expect(await loadProgress(join(dir, 'blocker', 'state'))).toMatchObject({
      progress: emptyProgress(),
      canSave: true,
    });
  });
});

const at = (minute: number) => new Date(Date.UTC(2025, 0, 31, 10, minute));

/** Save as the tutor does: a save that finds the file busy is followed by another. */
async function saved(progress: Progress): Promise<void> {
  for (let tries = 0; ; tries++) {
    const result = await saveProgress(dir, progress);
    if (result.ok) return;
    if (result.error.key !== 'progress.save.busy' || tries > 20)
      throw new Error(t.message(result.error));
  }
}

describe('two tutors on one state folder', () => {
  it('lose nothing when their saves interleave', async () => {
    // Each tutor holds its own copy in memory and saves it whole after every change.
    let a = (await loadProgress(dir)).progress; // tutor A, in Tensors
    let b = (await loadProgress(dir)).progress; // tutor B, in Pixels
    a = recordAnswer(
      recordStep(a, 'tensors', 1, at(1)),
      'tensors.rank',
      { correct: true, answer: '3' },
      at(1),
    );
    await saved(a);
    b = recordStep(b, 'pixels', 1, at(2));
    await saved(b);
    a = recordStep(a, 'tensors', 2, at(3));
    await saved(a);
    b = recordAnswer(b, 'pixels.gray', { correct: false, answer: '7' }, at(4));
    await saved(b);
    b = recordReveal(b, 'pixels.gray', at(5));
    await saved(b);

    const { progress } = await loadProgress(dir);
    expect(progress.exercises).toEqual({
      'tensors.rank': a.exercises['tensors.rank'],
      'pixels.gray': b.exercises['pixels.gray'],
    });
    expect(progress.lessons).toEqual({ tensors: a.lessons.tensors, pixels: b.lessons.pixels });
    expect(progress.last).toEqual({ lesson: 'tensors', step: 2 });
  });

  it('lose nothing when both save at the same moments', async () => {
    // Like the tutor, each saves in order, one save at a time; the two run side by side.
    const run = async (who: string) => {
      let p = emptyProgress();
      for (let i = 0; i < 8; i++) {
        p = recordAnswer(
          recordStep(p, who, i, at(i)),
          `${who}.${i}`,
          { correct: true, answer: String(i) },
          at(i),
        );
        await saved(p);
      }
    };
    await Promise.all([run('a'), run('b')]);
    const { progress } = await loadProgress(dir);
    expect(Object.keys(progress.exercises).sort()).toEqual(
      ['a', 'b'].flatMap((who) => [0, 1, 2, 3, 4, 5, 6, 7].map((i) => `${who}.${i}`)).sort(),
    );
    expect(progress.lessons.a.visited).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(progress.lessons.b.visited).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(readdirSync(dir)).toEqual([PROGRESS_FILE]);
  });

  it('a reset stays a reset when a tutor opened before it saves again', async () => {
    let open = recordAnswer(
      recordStep(emptyProgress(), 'a', 1, at(1)),
      'a.1',
      { correct: true, answer: '1' },
      at(1),
    );
    open = recordAnswer(open, 'b.1', { correct: true, answer: '1' }, at(1));
    await saved(open);
    const loaded = (await loadProgress(dir)).progress;
    await saved(resetLesson(loaded, 'a', ['a.1'], at(2))); // what `cnn-tutor reset a` does
    await saved(recordStep(open, 'b', 0, at(3))); // the tutor still open goes on in lesson b
    const { progress } = await loadProgress(dir);
    expect(Object.keys(progress.lessons)).toEqual(['b']);
    expect(Object.keys(progress.exercises)).toEqual(['b.1']);
    expect(progress.last).toEqual({ lesson: 'b', step: 0 });
  });

  it('say the file is busy, without writing, while another holds its lock', async () => {
    await saved(sample);
    const before = readFileSync(file, 'utf8');
    mkdirSync(`${file}.lock`); // another tutor in the middle of its save
    const result = await saveProgress(dir, recordStep(sample, 'x', 0, at(9)), { retries: 0 });
    expect(result).toMatchObject({
      ok: false,
      error: { key: 'progress.save.busy', params: { file } },
    });
    if (!result.ok)
      expect(t.message(result.error)).toBe(
        `Could not save progress to ${file}: another cnn-tutor is saving it right now. Your answers are kept and go into the next save.`,
      );
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  it('take over the lock of a tutor killed while saving, once it has gone stale', async () => {
    mkdirSync(`${file}.lock`);
    const old = new Date(Date.now() - 60_000);
    utimesSync(`${file}.lock`, old, old);
    expect((await saveProgress(dir, sample, { retries: 0 })).ok).toBe(true);
    expect(readdirSync(dir)).toEqual([PROGRESS_FILE]);
  });
});

describe('temporary files left by a tutor killed while saving', () => {
  it('are removed at the next start; other files beside them are not', async () => {
    await saved(sample);
    const kept = [`${PROGRESS_FILE}.corrupt-${STAMP}`, `${PROGRESS_FILE}.12ab`, 'notes.txt'];
    for (const name of [...kept, `${PROGRESS_FILE}.3141592653`, `${PROGRESS_FILE}.7`])
      writeFileSync(join(dir, name), 'half a file');
    expect((await loadProgress(dir)).progress).toEqual(sample);
    expect(readdirSync(dir).sort()).toEqual([PROGRESS_FILE, ...kept].sort());
  });

  it('are kept while a live tutor holds the lock (the file may be its save in progress)', async () => {
    await saved(sample);
    mkdirSync(`${file}.lock`);
    writeFileSync(`${file}.2718281828`, 'being written');
    expect((await loadProgress(dir)).progress).toEqual(sample);
    expect(existsSync(`${file}.2718281828`)).toBe(true);
  });

  it('are removed when the lock beside them is stale too (the writer died holding it)', async () => {
    await saved(sample);
    mkdirSync(`${file}.lock`);
    const old = new Date(Date.now() - 60_000);
    utimesSync(`${file}.lock`, old, old);
    writeFileSync(`${file}.2718281828`, 'half a file');
    expect((await loadProgress(dir)).progress).toEqual(sample);
    expect(readdirSync(dir)).toEqual([PROGRESS_FILE]);
  });
});

describe.skipIf(process.platform === 'win32')('a FIFO where the progress file should be', () => {
  beforeEach(() => execFileSync('mkfifo', [file]));
  afterEach(() => {
    // Should a read be stuck waiting for a writer, open one so that it ends.
    try {
      closeSync(openSync(file, constants.O_WRONLY | constants.O_NONBLOCK));
    } catch {
      // No reader waiting: nothing to release.
    }
  });

  it('is refused at load, not read, moved or replaced, and the session does not save', async () => {
    const result = await loadProgress(dir, { now });
    expect(result).toEqual({
      progress: emptyProgress(),
      notice: { key: 'progress.load.notRegular', params: { file } },
      canSave: false,
      notRegular: true,
      file,
    });
    expect(t.message(result.notice!)).toBe(
      `${file} is not a regular file (a pipe or a device?), so cnn-tutor neither reads nor replaces it. Move it away, or keep progress elsewhere with --state-dir.`,
    );
    expect(lstatSync(file).isFIFO()).toBe(true);
    expect(readdirSync(dir)).toEqual([PROGRESS_FILE]);
  });

  it('is not replaced by a save', async () => {
    const result = await saveProgress(dir, sample);
    expect(result).toMatchObject({ ok: false, error: { key: 'progress.save.notRegular' } });
    expect(lstatSync(file).isFIFO()).toBe(true);
    expect(readdirSync(dir)).toEqual([PROGRESS_FILE]);
  });
});
