/**
 * One frame for every screen: header, scrolling body, pinned lines and field, status, footer;
 * every line fits, the frame never takes the terminal's last row, and the question pinned above
 * the answer line stays in view however long the body is.
 */
import { describe, expect, test } from 'vitest';
import { displayWidth } from '../../../src/render/index.js';
import type { FrameModel } from '../../../src/tui/shell/frame.js';
import type { ScreenDef } from '../../../src/tui/shell/screen.js';
import { FLAG } from '../../../src/tui/shell/chrome.js';
import { driveScreen } from '../shell-driver.js';

interface Demo {
  readonly model: FrameModel;
  readonly arrows?: boolean;
  readonly unsaved?: boolean;
}

const demo: ScreenDef<Demo> = {
  commands: [],
  keys: (s) => ({
    context: 'main',
    typing: s.model.field?.focused ? (s.model.field.value === '' ? 'empty' : 'text') : 'none',
    flags: new Set([
      ...(s.arrows ? [FLAG.arrows] : []),
      ...(s.model.field?.focused ? [FLAG.field] : []),
    ]),
  }),
  command: (s) => s,
  frame: (s) => s.model,
  unsaved: (s) => s.unsaved === true,
  about: () => 'A screen for tests.',
};

const numbered = (n: number) => Array.from({ length: n }, (_, i) => `line ${i}`);

function fits(lines: readonly string[], width: number, height: number): void {
  expect(lines.length).toBeLessThanOrEqual(height - 1);
  for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(width);
}

describe('the main frame', () => {
  test('a short body keeps its rows, so the footer sits on the last row but one', () => {
    const d = driveScreen(demo, { model: { header: ['Title'], body: ['one', 'two'], page: 'p' } });
    const lines = d.lines();
    expect(lines).toHaveLength(23);
    expect(lines.slice(0, 3)).toEqual(['Title', 'one', 'two']);
    expect(lines.at(-1)).toBe('? all keys  q quit');
  });

  test('a prompt-like screen without fill ends where its lines do', () => {
    const d = driveScreen(demo, {
      model: { header: ['Title'], body: ['one'], page: 'p', fill: false },
    });
    expect(d.lines()).toEqual(['Title', 'one', '? all keys  q quit']);
  });

  test('a long body scrolls with ↑/↓ and PgDn, says how much is hidden, and stops at its end', () => {
    const d = driveScreen(demo, { model: { header: ['Title'], body: numbered(40), page: 'p' } });
    expect(d.lines().slice(0, 2)).toEqual(['Title', 'line 0']);
    expect(d.text()).toContain('▼ more below: 20 lines (↓ PgDn)');
    expect(d.lines().at(-1)).toBe('↑/↓ scroll  ? all keys  q quit');
    d.press('\x1b[B');
    expect(d.lines()[1]).toBe('line 1');
    expect(d.text()).toContain('▲ 1 line above (↑ PgUp)   ▼ more below: 19 lines (↓ PgDn)');
    d.press('\x1b[6~', '\x1b[6~', '\x1b[6~');
    expect(d.lines()[1]).toBe('line 20');
    // Past the end nothing moves, and one ↑ is one line up from there.
    d.press('\x1b[B', '\x1b[A');
    expect(d.lines()[1]).toBe('line 19');
  });

  test('scrolling starts again at the top on another page', () => {
    const d = driveScreen(demo, { model: { header: [], body: numbered(40), page: 'a' } });
    d.press('\x1b[B', '\x1b[B');
    expect(d.lines()[0]).toBe('line 2');
    d.update((s) => ({ model: { ...s.model, page: 'b' } }));
    expect(d.lines()[0]).toBe('line 0');
  });

  test('focus lines stay in view whatever the scroll', () => {
    const d = driveScreen(demo, {
      arrows: true,
      model: { header: [], body: numbered(40), page: 'p', focus: { from: 30, to: 31 } },
    });
    const lines = d.lines();
    expect(lines).toContain('line 31');
    expect(lines).toContain('line 30');
    // The screen has the arrows: the marker and footer speak of PgUp/PgDn.
    expect(d.text()).toContain('(PgUp)');
    expect(d.lines().at(-1)).toBe('PgUp/PgDn page  ? all keys  q quit');
  });

  test('the pinned question, the field and the feedback stay together under a long body', () => {
    const d = driveScreen(demo, {
      model: {
        header: ['Lesson', 'Step'],
        body: numbered(60),
        page: 'p',
        pinned: ['What is cell (3, 4)?'],
        field: { id: 'f', label: 'Answer › ', value: '7', placeholder: '', focused: true },
        below: ['✗ Not quite.', 'Hint 1: add the products.'],
      },
    });
    const lines = d.lines();
    fits(lines, 80, 24);
    const at = lines.indexOf('What is cell (3, 4)?');
    expect(at).toBeGreaterThan(0);
    expect(lines.slice(at, at + 4)).toEqual([
      'What is cell (3, 4)?',
      'Answer › 7',
      '✗ Not quite.',
      'Hint 1: add the products.',
    ]);
  });

  test('pinned lines come first, the feedback keeps its first two lines, the body one row at least', () => {
    const d = driveScreen(
      demo,
      {
        model: {
          header: ['Lesson'],
          body: numbered(60),
          page: 'p',
          pinned: numbered(20).map((l) => `question ${l}`),
          below: numbered(12).map((l) => `feedback ${l}`),
        },
      },
      { height: 18, width: 60 },
    );
    const lines = d.lines();
    fits(lines, 60, 18);
    expect(lines).toContain('question line 0');
    expect(lines).toContain('feedback line 0');
    expect(lines).toContain('feedback line 1');
    expect(lines).not.toContain('feedback line 2');
    expect(lines.filter((l) => l.startsWith('line ')).length).toBeGreaterThanOrEqual(1);
  });

  test('a 3×3 grid editor under its question fits whole at 60×18, with the feedback', () => {
    const grid = [
      'Grid editor',
      '┌──┬──┬──┐',
      '│ 1│ 2│ 3│',
      '│ 4│ 5│ 6│',
      '│ 7│ 8│ 9│',
      '└──┴──┴──┘',
    ];
    const d = driveScreen(
      demo,
      {
        model: {
          header: ['Lesson', 'Step'],
          body: numbered(30),
          page: 'p',
          pinned: ['', 'Compute the whole output.', '', ...grid],
          below: ['✗ Not quite.', '2 cells are wrong.'],
        },
      },
      { height: 18, width: 60 },
    );
    const lines = d.lines();
    fits(lines, 60, 18);
    for (const line of grid) expect(lines).toContain(line);
    expect(lines).toContain('✗ Not quite.');
  });

  test('a header too tall for the terminal scrolls with the body', () => {
    const d = driveScreen(demo, { model: { header: numbered(30), body: ['body'], page: 'p' } });
    fits(d.lines(), 80, 24);
    d.press(...Array.from({ length: 10 }, () => '\x1b[6~'));
    expect(d.text()).toContain('body');
  });

  test('a long focused value takes up to three rows; without focus, one line with the placeholder', () => {
    const value = 'x'.repeat(500);
    const focused = driveScreen(demo, {
      model: {
        header: [],
        body: [],
        page: 'p',
        field: { id: 'f', label: 'A › ', value, placeholder: 'e.g. 3', focused: true },
      },
    });
    const view = focused.frame().view;
    expect(view.kind === 'main' && view.field?.rows).toBe(3);
    const idle = driveScreen(demo, {
      model: {
        header: [],
        body: [],
        page: 'p',
        field: { id: 'f', label: 'A › ', value: '', placeholder: 'e.g. 3', focused: false },
      },
    });
    expect(idle.lines()).toContain('A › e.g. 3');
  });
});

describe('help, quit and the too-small notice', () => {
  test('? opens help listing the keys, with what the screen is for; it scrolls and closes', () => {
    const d = driveScreen(
      demo,
      { model: { header: [], body: numbered(40), page: 'p' } },
      { height: 18, width: 60 },
    );
    d.press('?');
    const lines = d.lines();
    expect(lines[0]).toBe('Keys on this screen');
    expect(lines).toContain('  ↑         scroll up');
    expect(lines).toContain('A screen for tests.');
    expect(lines.at(-1)).toBe('Esc close this help');
    d.press('q');
    expect(d.lines()[0]).toBe('line 0');
  });

  test('a long help list scrolls with ↑/↓ and j/k', () => {
    const many: ScreenDef<Demo> = {
      ...demo,
      commands: Array.from({ length: 30 }, (_, i) => ({
        id: `c${i}`,
        keys: [String.fromCharCode(97 + (i % 26)) + (i >= 26 ? '' : '')].slice(0, 1),
        label: 'tui.cmd.next-step',
        contexts: ['main'],
      })),
    };
    const d = driveScreen(
      many,
      { model: { header: [], body: [], page: 'p' } },
      { height: 18, width: 60 },
    );
    d.press('?');
    expect(d.text()).toContain('▼ more below');
    const first = d.lines()[2];
    d.press('j');
    expect(d.lines()[2]).not.toBe(first);
    d.press('\x1b[A');
    expect(d.lines()[2]).toBe(first);
    expect(d.lines().at(-1)).toContain('scroll');
  });

  test('quit asks first when something typed would be lost, and y confirms', () => {
    const d = driveScreen(demo, { unsaved: true, model: { header: [], body: [], page: 'p' } });
    d.press('q');
    expect(d.shell.quitting).toBe(false);
    expect(d.text()).toContain('Quit? Something you typed has not been checked yet');
    d.press('n');
    expect(d.text()).not.toContain('Quit?');
    d.press('q', 'y');
    expect(d.shell.quitting).toBe(true);
  });

  test('quit without anything to lose quits at once', () => {
    const d = driveScreen(demo, { model: { header: [], body: [], page: 'p' } });
    d.press('\x03');
    expect(d.shell.quitting).toBe(true);
  });

  test.each([
    [59, 24],
    [80, 17],
    [20, 5],
  ])('at %i×%i: the notice, fitted, and q still quits', (width, height) => {
    const d = driveScreen(
      demo,
      { model: { header: ['T'], body: numbered(5), page: 'p' } },
      { width, height },
    );
    const lines = d.lines();
    fits(lines, Math.max(1, width), height);
    expect(lines.join(' ')).toContain(`${width}×${height}`);
    d.press('q');
    expect(d.shell.quitting).toBe(true);
  });
});
