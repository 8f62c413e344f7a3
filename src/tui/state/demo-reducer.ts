/** Demo actions: stepping cell by cell, playing, stride and padding, predictions. */
import type { Demo } from '../../content/course.js';
import { parseAnswer } from '../../content/answer-parser.js';
import { compareAnswers } from '../../content/check-answer.js';
import {
  demoModel,
  explainCell,
  maxStride,
  nextPadding,
  predictionCells,
} from '../../view/demo-model.js';
import { moveStep } from './navigation.js';
import { currentDemo } from './selectors.js';
import type { Action, DemoSession, TutorEnv, TutorState } from './types.js';

/** One cell further: reveal it, or first ask for a prediction if it is one of the chosen cells. */
function advance(d: DemoSession, demo: Demo): DemoSession {
  const model = demoModel(demo, d.stride, d.padding);
  if (d.revealed >= model.total) return { ...d, playing: false };
  const cell = d.revealed;
  const ask =
    predictionCells(model.total, demo.predict).includes(cell) && !d.answered.includes(cell);
  if (ask)
    return {
      ...d,
      asking: true,
      draft: '',
      error: undefined,
      playing: false,
      last: undefined,
    };
  return { ...d, revealed: cell + 1, last: undefined };
}

/** New settings give a new output: start over, and predictions are asked afresh. */
function restartDemo(d: DemoSession, stride: number, padding: Demo['padding']): DemoSession {
  return {
    ...d,
    stride,
    padding,
    revealed: 0,
    asking: false,
    draft: '',
    error: undefined,
    answered: [],
    last: undefined,
    playing: false,
  };
}

export function reduceDemo(state: TutorState, env: TutorEnv, action: Action): TutorState {
  const current = currentDemo(state, env);
  if (!current) return state;
  const { demo, session: d, key } = current;
  const set = (next: DemoSession): TutorState =>
    next === d ? state : { ...state, demos: { ...state.demos, [key]: next } };
  const model = demoModel(demo, d.stride, d.padding);
  switch (action.type) {
    case 'demo/step':
      if (action.delta === 1) {
        if (d.asking) return state;
        return d.revealed >= model.total
          ? moveStep(state, env, 1, action.at)
          : set(advance({ ...d, playing: false }, demo));
      }
      if (d.asking) return set({ ...d, asking: false, draft: '', error: undefined });
      return d.revealed > 0
        ? set({ ...d, revealed: d.revealed - 1, last: undefined, playing: false })
        : moveStep(state, env, -1, action.at);
    case 'demo/end':
      return set({
        ...d,
        revealed: model.total,
        asking: false,
        draft: '',
        error: undefined,
        playing: false,
        last: undefined,
      });
    case 'demo/play':
      if (d.asking) return state;
      if (d.playing) return set({ ...d, playing: false });
      return set({
        ...d,
        playing: true,
        revealed: d.revealed >= model.total ? 0 : d.revealed,
        last: undefined,
      });
    case 'demo/tick':
      return d.playing && !d.asking ? set(advance(d, demo)) : state;
    case 'demo/stride': {
      const stride = Math.max(1, Math.min(maxStride(demo, d.padding), d.stride + action.delta));
      return stride === d.stride ? state : set(restartDemo(d, stride, d.padding));
    }
    case 'demo/padding': {
      const padding = nextPadding(d.padding);
      return set(restartDemo(d, Math.min(d.stride, maxStride(demo, padding)), padding));
    }
    case 'demo/predict': {
      if (!d.asking) return state;
      const parsed = parseAnswer('number', d.draft);
      if (!parsed.ok) return set({ ...d, error: parsed.error });
      const cell = d.revealed;
      const value = explainCell(model, cell).value;
      const correct = compareAnswers(
        { kind: 'number', value: parsed.value.value },
        { kind: 'number', value },
        0,
      ).equal;
      return set({
        ...d,
        asking: false,
        draft: '',
        error: undefined,
        answered: [...d.answered, cell],
        revealed: cell + 1,
        last: { cell, guess: parsed.value.value, value, correct },
      });
    }
    case 'demo/skip':
      if (!d.asking) return state;
      return set({
        ...d,
        asking: false,
        draft: '',
        error: undefined,
        answered: [...d.answered, d.revealed],
        revealed: d.revealed + 1,
      });
    default:
      return state;
  }
}
