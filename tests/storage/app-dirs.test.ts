import os from 'node:os';
import envPaths from 'env-paths';
import { describe, expect, it } from 'vitest';
import { resolveStateDir } from '../../src/storage/app-dirs.js';

describe('resolveStateDir', () => {
  const base = { env: {}, platform: 'linux' as const, home: '/home/ana', cwd: '/work' };

  it.each([
    [
      'the flag first',
      { flag: '/flag', env: { CNN_TUTOR_STATE_DIR: '/var', XDG_STATE_HOME: '/xdg' } },
      '/flag',
    ],
    ['a relative flag from cwd', { flag: 'state' }, '/work/state'],
    ['a flag with ~ from home', { flag: '~/st' }, '/home/ana/st'],
    ['an empty flag as unset', { flag: '', env: { CNN_TUTOR_STATE_DIR: '/var' } }, '/var'],
    [
      'CNN_TUTOR_STATE_DIR second',
      { env: { CNN_TUTOR_STATE_DIR: '/var', XDG_STATE_HOME: '/xdg' } },
      '/var',
    ],
    ['$XDG_STATE_HOME/cnn-tutor third', { env: { XDG_STATE_HOME: '/xdg' } }, '/xdg/cnn-tutor'],
    [
      'a relative XDG_STATE_HOME as unset',
      { env: { XDG_STATE_HOME: 'rel' } },
      '/home/ana/.local/state/cnn-tutor',
    ],
    ['~/.local/state on Linux', {}, '/home/ana/.local/state/cnn-tutor'],
    [
      'the Linux rule on other Unixes',
      { platform: 'freebsd' as const },
      '/home/ana/.local/state/cnn-tutor',
    ],
    [
      'Application Support on macOS',
      { platform: 'darwin' as const },
      '/home/ana/Library/Application Support/cnn-tutor',
    ],
    [
      'XDG_STATE_HOME on macOS too',
      { platform: 'darwin' as const, env: { XDG_STATE_HOME: '/xdg' } },
      '/xdg/cnn-tutor',
    ],
  ])('takes %s', (_, options, expected) => {
    expect(resolveStateDir({ ...base, ...options })).toBe(expected);
  });

  it('uses LOCALAPPDATA on Windows, else the home folder', () => {
    const win = { platform: 'win32' as const, home: 'C:\\Users\\ana', cwd: 'C:\\work' };
    expect(resolveStateDir({ ...win, env: { LOCALAPPDATA: 'D:\\Local' } })).toBe(
      'D:\\Local\\cnn-tutor\\Data',
    );
    expect(resolveStateDir({ ...win, env: {} })).toBe(
      'C:\\Users\\ana\\AppData\\Local\\cnn-tutor\\Data',
    );
    expect(resolveStateDir({ ...win, env: {}, flag: 'st' })).toBe('C:\\work\\st');
  });

  it.skipIf(process.platform !== 'darwin' && process.platform !== 'win32')(
    "agrees with env-paths' data folder on this machine (macOS and Windows)",
    () => {
      const env = { ...process.env, XDG_STATE_HOME: undefined };
      expect(resolveStateDir({ env, home: os.homedir() })).toBe(
        envPaths('cnn-tutor', { suffix: '' }).data,
      );
    },
  );
});
