/**
 * Ink is patched (`patches/ink+6.8.0.patch`) to keep its line tokens and text widths from one
 * frame to the next. These tests check that a frame never shows a line remembered from an
 * earlier one: every frame is exactly what was rendered, while lines change, repeat, change
 * width, and while the caches fill past their limit and are emptied.
 */
import { Box, Text } from 'ink';
import { render } from 'ink-testing-library';
import stripAnsi from 'strip-ansi';
import { describe, expect, it } from 'vitest';

function Screen({ lines }: { lines: readonly string[] }) {
  return (
    <Box flexDirection="column">
      {lines.map((line, i) => (
        <Text key={i}>{line}</Text>
      ))}
    </Box>
  );
}

/** Frame `n`: a fixed line, a line that changes every frame, and one that comes back. */
function linesFor(n: number): string[] {
  const bar = '█'.repeat(n % 7);
  return [
    '┌─ demo ─┐',
    `cell ${n}: \u001B[1m${(n * 37) % 101}\u001B[22m ${bar}`,
    n % 2 === 0 ? 'even │ ×' : 'odd',
    `${'·'.repeat(n % 13)}end`,
  ];
}

describe('Ink frames with caches kept across frames', () => {
  it('shows each frame exactly as rendered, also after the caches are emptied', () => {
    const app = render(<Screen lines={linesFor(0)} />);
    // 4 lines a frame, about half of them new: 3,000 frames fill the 4,096-entry caches
    // more than once.
    for (let n = 1; n <= 3000; n++) {
      app.rerender(<Screen lines={linesFor(n)} />);
      if (n % 97 === 0 || n > 2990) {
        // Ink drops trailing spaces from every line.
        expect(stripAnsi(app.lastFrame() ?? '')).toBe(
          linesFor(n)
            .map((line) => stripAnsi(line).trimEnd())
            .join('\n'),
        );
      }
    }
    app.unmount();
  });

  it('wraps a text again when the same text is laid out at another width', () => {
    const text = 'one two three four five six';
    const narrow = render(
      <Box width={10}>
        <Text>{text}</Text>
      </Box>,
    );
    const wide = render(
      <Box width={40}>
        <Text>{text}</Text>
      </Box>,
    );
    expect(wide.lastFrame()).toBe(text);
    expect(narrow.lastFrame()?.split('\n').length).toBeGreaterThan(2);
    for (const line of narrow.lastFrame()?.split('\n') ?? []) {
      expect(line.length).toBeLessThanOrEqual(10);
    }
    narrow.unmount();
    wide.unmount();
  });
});
