/** `cnn-tutor list`: the lessons numbered as Home numbers them, each with its exercises. */
import { expect, test } from 'vitest';
import { runCli } from './run-cli.js';

test('numbers the lessons from 1, as Home does, and lists each lesson’s exercises under it', () => {
  const r = runCli(['list']);
  expect(r.status).toBe(0);
  const lessons = r.stdout.split('\n').filter((line) => /^\d+\. /.test(line));
  expect(lessons[0]).toMatch(/^1\. What deep learning is \(what-is-deep-learning\) — \d+ steps$/);
  expect(lessons.map((line) => Number(line.split('.')[0]))).toEqual(lessons.map((_, k) => k + 1));
  const firstExercises = r.stdout.split('\n').slice(1, 3);
  for (const line of firstExercises)
    expect(line).toMatch(/^ {5}\S+ +(number|shape|grid|choice|yesno) /);
});
