/** `cnn-tutor lesson ID` opens the tutor at that lesson instead of Home. */
import { afterEach, describe, expect, it } from 'vitest';
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

  it('an unknown id shows Home', async () => {
    app = renderApp({ startLesson: 'nope' });
    await app.waitFor((f) => f.includes('Convolution') && f.includes('Padding'));
    expect(app.lastFrame()).not.toContain('Zeros around the edge');
  });
});
