/** `cnn-tutor lesson ID` opens the tutor at that lesson instead of Home. */
import { afterEach, describe, expect, it } from 'vitest';
import { emptyProgress } from '../../src/content/progress.js';
import { KEYS } from '../helpers/fake-terminal.js';
import { renderApp } from './render-app.js';

let app: ReturnType<typeof renderApp> | undefined;
afterEach(() => app?.unmount());

describe('App startLesson', () => {
  it('opens the lesson at its first step', async () => {
    app = renderApp({ startLesson: 'padding' });
    await app.waitFor((f) => f.includes('Zeros around the edge'));
    expect(app.lastFrame()).toContain('Padding');
    expect(app.lastFrame()).toMatch(/step 1 of 2/);
  });

  it('opens the lesson where it was left', async () => {
    const progress = {
      ...emptyProgress(),
      lessons: {
        convolution: {
          step: 2,
          visited: [0, 1, 2],
          completed: false,
          updatedAt: '2025-01-01T00:00:00.000Z',
        },
      },
    };
    app = renderApp({ startLesson: 'convolution', progress });
    await app.waitFor((f) => f.includes('The first window'));
    expect(app.lines()[0]).toBe('Convolution  ·  step 3 of 5');
    // The answer line has the keyboard at once.
    await app.settle();
    await app.press('5', KEYS.enter);
    expect(app.lastFrame()).toContain('✓ Right!');
  });

  it('an unknown id shows Home', async () => {
    app = renderApp({ startLesson: 'nope' });
    await app.waitFor((f) => f.includes('Convolution') && f.includes('Padding'));
    expect(app.lastFrame()).not.toContain('Zeros around the edge');
  });
});
