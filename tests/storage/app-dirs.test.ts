import { describe, expect, it } from 'vitest';
import { resolveCacheDir, resolveStateDir } from '../../src/storage/app-dirs.js';

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
});

describe('resolveCacheDir', () => {
  const base = { env: {}, platform: 'linux' as const, home: '/home/ana', cwd: '/work' };

  it.each([
    [
      'CNN_TUTOR_CACHE_DIR first',
      { env: { CNN_TUTOR_CACHE_DIR: '/c', XDG_CACHE_HOME: '/xdg' } },
      '/c',
    ],
    ['a relative CNN_TUTOR_CACHE_DIR from cwd', { env: { CNN_TUTOR_CACHE_DIR: 'c' } }, '/work/c'],
    [
      'CNN_TUTOR_CACHE_DIR with ~ from home',
      { env: { CNN_TUTOR_CACHE_DIR: '~/c' } },
      '/home/ana/c',
    ],
    ['$XDG_CACHE_HOME/cnn-tutor second', { env: { XDG_CACHE_HOME: '/xdg' } }, '/xdg/cnn-tutor'],
    [
      'a relative XDG_CACHE_HOME as unset',
      { env: { XDG_CACHE_HOME: 'rel' } },
      '/home/ana/.cache/cnn-tutor',
    ],
    ['~/.cache on Linux', {}, '/home/ana/.cache/cnn-tutor'],
    [
      'the state folder variables as none of its own',
      { env: { XDG_STATE_HOME: '/s' } },
      '/home/ana/.cache/cnn-tutor',
    ],
    [
      'Library/Caches on macOS, as the state folder is in Library',
      { platform: 'darwin' as const },
      '/home/ana/Library/Caches/cnn-tutor',
    ],
    [
      'XDG_CACHE_HOME on macOS too',
      { platform: 'darwin' as const, env: { XDG_CACHE_HOME: '/xdg' } },
      '/xdg/cnn-tutor',
    ],
  ])('takes %s', (_, options, expected) => {
    expect(resolveCacheDir({ ...base, ...options })).toBe(expected);
  });

  it('uses LOCALAPPDATA on Windows, next to the state folder', () => {
    const win = { platform: 'win32' as const, home: 'C:\\Users\\ana', cwd: 'C:\\work' };
    expect(resolveCacheDir({ ...win, env: { LOCALAPPDATA: 'D:\\Local' } })).toBe(
      'D:\\Local\\cnn-tutor\\Cache',
    );
    expect(resolveCacheDir({ ...win, env: {} })).toBe(
      'C:\\Users\\ana\\AppData\\Local\\cnn-tutor\\Cache',
    );
  });
});
