import { describe, it, expect } from 'vitest';
import { colorEnabled, createStyle, plainStyle, type StyleName } from '../../src/render/style.js';

const names: StyleName[] = ['highlight', 'dim', 'bold', 'error', 'ok', 'warn'];

describe('createStyle', () => {
  it('returns text unchanged without colour', () => {
    const style = createStyle({ color: false });
    for (const name of names) expect(style[name]('4')).toBe('4');
    expect(plainStyle.color).toBe(false);
  });

  it.each([
    ['highlight', '\u001B[7m4\u001B[27m'],
    ['dim', '\u001B[2m4\u001B[22m'],
    ['bold', '\u001B[1m4\u001B[22m'],
    ['error', '\u001B[31m4\u001B[39m'],
    ['ok', '\u001B[32m4\u001B[39m'],
    ['warn', '\u001B[33m4\u001B[39m'],
  ] as const)('%s wraps with its own codes', (name, expected) => {
    expect(createStyle({ color: true })[name]('4')).toBe(expected);
  });

  it('leaves empty text empty', () => {
    expect(createStyle({ color: true }).error('')).toBe('');
  });

  it('reopens the outer style when an inner one closes it', () => {
    const { dim, bold } = createStyle({ color: true });
    expect(dim(`a${bold('b')}c`)).toBe('\u001B[2ma\u001B[1mb\u001B[22m\u001B[2mc\u001B[22m');
  });
});

describe('colorEnabled', () => {
  it.each([
    [{}, true, true],
    [{}, false, false],
    [{ NO_COLOR: '1' }, true, false],
    [{ NO_COLOR: '' }, true, true],
    [{ TERM: 'dumb' }, true, false],
    [{ FORCE_COLOR: '1' }, false, true],
    [{ FORCE_COLOR: '' }, false, true],
    [{ FORCE_COLOR: '0' }, true, false],
    [{ FORCE_COLOR: 'false' }, true, false],
    [{ FORCE_COLOR: '1', NO_COLOR: '1' }, false, true],
    [{ FORCE_COLOR: '0', NO_COLOR: '' }, true, false],
  ])('%o on a %s terminal → %s', (env, isTTY, expected) => {
    expect(colorEnabled(env, isTTY)).toBe(expected);
  });
});
