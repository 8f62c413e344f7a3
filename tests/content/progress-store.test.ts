import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyProgress, recordAnswer, recordStep } from '../../src/content/progress.js';
import { PROGRESS_FILE, loadProgress, saveProgress } from '../../src/content/progress-store.js';
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
    expect(result.ok).toBe(false);
    expect(readdirSync(dir)).toEqual([PROGRESS_FILE]);
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
