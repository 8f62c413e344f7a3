/**
 * Under an address-space limit (`ulimit -v 4000000`, 4 GB, as some shared servers set) the
 * tutor starts: WebAssembly (Ink's layout engine) cannot reserve its usual 10 GB there, so
 * bin/cnn-tutor.js runs Node without its WebAssembly trap handler. Started another way, it says
 * so in one line; `train --live` says it needs a terminal before it loads the interface.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, test } from 'vitest';
import { createTranslator } from '../../src/i18n/index.js';
import { PtySession, ROOT, hasPython, tutorEnv } from './pty-session.js';

const t = createTranslator('en');
const LIMIT = 'ulimit -v 4000000';
const linux = process.platform === 'linux';

/** Whether a WebAssembly memory fails under the limit with the trap handler on (else: no test). */
function limitBitesHere(): boolean {
  const r = spawnSync(
    'bash',
    ['-c', `${LIMIT} && exec "$0" -e "new WebAssembly.Memory({ initial: 1 })"`, process.execPath],
    { encoding: 'utf8' },
  );
  return r.status !== 0 && /memory/i.test(r.stderr);
}

describe('under ulimit -v 4000000', () => {
  const stateDir = mkdtempSync(join(tmpdir(), 'cnn-tutor-limit-'));
  const env = tutorEnv(stateDir);
  let app: PtySession | undefined;
  afterEach(() => {
    app?.close();
    app = undefined;
  });
  afterAll(() => rmSync(stateDir, { recursive: true, force: true }));
  const bites = linux && limitBitesHere();
  // dist/cli.js, run directly below, is built by the first run of bin/cnn-tutor.js.
  spawnSync(process.execPath, ['bin/cnn-tutor.js', '--version'], { cwd: ROOT, env });

  test('the tutor starts and shows Home', async (ctx) => {
    ctx.skip(!hasPython() || !bites, 'needs python3, Linux and a limit that bites');
    app = new PtySession(
      ['bash', '-c', `${LIMIT} && exec "$0" bin/cnn-tutor.js`, process.execPath],
      {
        env,
      },
    );
    await app.waitFor(t('tui.home.title'), { what: 'Home', timeout: 25_000 });
    app.send('q');
    expect(await app.waitForExit(), app.describe()).toBe(0);
  });

  test('started without bin/cnn-tutor.js, the interface says in one line why it cannot start', async (ctx) => {
    ctx.skip(!hasPython() || !bites, 'needs python3, Linux and a limit that bites');
    app = new PtySession(['bash', '-c', `${LIMIT} && exec "$0" dist/cli.js`, process.execPath], {
      env,
    });
    expect(await app.waitForExit(25_000), app.describe()).toBe(2);
    expect(app.flatScreen().trim()).toBe(t('tui.no-wasm-memory'));
  });

  test('train --live without a terminal says so before loading the interface', (ctx) => {
    ctx.skip(!bites, 'needs Linux and a limit that bites');
    const r = spawnSync(
      'bash',
      ['-c', `${LIMIT} && exec "$0" dist/cli.js train xo --live`, process.execPath],
      { cwd: ROOT, env, input: '', encoding: 'utf8', timeout: 25_000 },
    );
    expect(r.stderr).toBe(`${t('train.screen.not-a-terminal', { which: t('cli.tutor.stdin') })}\n`);
    expect(r.status).toBe(2);
  });
});
