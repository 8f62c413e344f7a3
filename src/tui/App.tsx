/**
 * The interactive tutor. The CLI mounts it with `render(<App …/>, { exitOnCtrlC: false })`:
 * Ctrl+C is a command here, so a half-typed answer can be kept.
 *
 * Keys go through one handler (`useKeypress`) into the reducer, which looks each one up in the
 * keymap against the state it applies to. The one exception is a focused answer or prediction
 * field: an ink-text-input field that types, erases and moves its cursor itself, and reports
 * its text (`useTextField` says which keys are its own).
 *
 * Data flows one way: key → reducer (keymap → command → action) → state → `buildScreen`
 * (pure lines) → components that only print them.
 */
import { Box, type Key, useApp } from 'ink';
import { useCallback, useLayoutEffect, useMemo, useReducer, useRef } from 'react';
import type { ContentProblem, Course } from '../content/course.js';
import { newSeed as freshSeed } from '../content/instantiate.js';
import type { Progress } from '../content/progress.js';
import type { Message } from '../i18n/index.js';
import { createStyle } from '../render/index.js';
import { HelpOverlay } from './components/HelpOverlay.js';
import { Home } from './components/Home.js';
import { LessonView } from './components/LessonView.js';
import { TooSmall } from './components/TooSmall.js';
import { useInterval } from './hooks/use-interval.js';
import { useKeypress } from './hooks/use-keypress.js';
import { useTextField } from './hooks/use-text-field.js';
import { type SaveProgress, useProgressSaver } from './hooks/use-progress.js';
import { useTerminalSize } from './hooks/use-terminal-size.js';
import { createTutorEnv } from './state/env.js';
import { createReducer, currentDemo, initialState } from './state/reducer.js';
import { DrawScreen } from './train/DrawScreen.js';
import { type TrainingSession, createXoSession } from './train/session.js';
import { TrainerScreen } from './train/TrainerScreen.js';
import { buildScreen } from './view/screen.js';
import type { Translate } from '../view/text.js';

export interface AppProps {
  readonly course: Course;
  /** Content problems from `loadCourse`; files that failed are listed on Home. */
  readonly problems: readonly ContentProblem[];
  readonly progress: Progress;
  /** `loadProgress`'s notice (a corrupt file moved aside), shown once on Home. */
  readonly progressNotice?: Message | string;
  /** Called after every change to progress; a failure is shown, never thrown. */
  readonly saveProgress: SaveProgress;
  readonly lang: string;
  readonly t: Translate;
  /** Grids with `+-|` instead of box drawing (`--ascii`). @default false */
  readonly ascii?: boolean;
  /** Colour escape codes (the CLI decides from NO_COLOR / FORCE_COLOR / TTY). @default false */
  readonly color?: boolean;
  /** Seeds for generated exercises. @default newSeed from content/instantiate */
  readonly newSeed?: () => number;
  /** The clock for progress timestamps. @default () => new Date() */
  readonly now?: () => Date;
  /** Milliseconds between cells while the demo plays. @default 500 */
  readonly playInterval?: number;
  /** Open this lesson (by id) instead of Home, where it was left (`cnn-tutor lesson ID`). */
  readonly startLesson?: string;
  /**
   * The X/O network the lesson's trainer (`t`) and draw (`d`) screens share, made on first use.
   * @default createXoSession()
   */
  readonly xoSession?: () => TrainingSession;
}

export function App({
  course,
  problems,
  progress,
  progressNotice,
  saveProgress,
  lang,
  t,
  ascii = false,
  color = false,
  newSeed = freshSeed,
  now = () => new Date(),
  playInterval = 500,
  startLesson,
  xoSession = createXoSession,
}: AppProps) {
  const env = useMemo(() => createTutorEnv(course, { lang, t }), [course, lang, t]);
  const reducer = useMemo(() => createReducer(env), [env]);
  const [state, dispatch] = useReducer(reducer, undefined, () => {
    const home = initialState(env, { progress, notice: progressNotice });
    const index = course.lessons.findIndex((l) => l.id === startLesson);
    if (index < 0) return home;
    const at = { now: now(), seed: newSeed() };
    return reducer({ ...home, selected: index }, { type: 'lesson/open', index, at });
  });
  const { columns, rows } = useTerminalSize();
  const style = useMemo(() => createStyle({ color }), [color]);
  const saveError = useProgressSaver(state.progress, saveProgress, t);
  const built = useMemo(
    () =>
      buildScreen(
        { state, env, problems, saveError },
        { width: columns, height: rows, t, ascii, style },
      ),
    [state, env, problems, saveError, columns, rows, t, ascii, style],
  );
  const { exit } = useApp();
  useLayoutEffect(() => {
    if (state.quitting) exit();
  }, [state.quitting, exit]);

  const playing =
    currentDemo(state, env)?.session.playing === true && built.screen.kind === 'lesson';
  useInterval(playing, playInterval, () => dispatch({ type: 'demo/tick' }));

  // One X/O network for the session: leaving the trainer and coming back keeps what it learned.
  const xo = useRef<TrainingSession | null>(null);
  const session = (): TrainingSession => (xo.current ??= xoSession());
  const leaveTool = useCallback((to: 'back' | 'quit' | 'draw' | 'train') => {
    if (to === 'draw' || to === 'train') {
      dispatch({ type: 'tool/open', tool: to });
      return;
    }
    dispatch({ type: 'tool/close' });
    if (to === 'quit') dispatch({ type: 'quit' });
  }, []);

  const pressKey = (input: string, key: Key): void => {
    const view = {
      scrollable: built.maxScroll > 0,
      tooSmall: built.screen.kind === 'too-small',
      maxScroll: built.maxScroll,
      page: built.page,
    };
    dispatch({
      type: 'key',
      input,
      key,
      view,
      at: { now: now(), seed: newSeed() },
      field: field.listening.current,
    });
  };
  const field = useTextField({
    onText: (id, text) => dispatch({ type: 'field/set', field: id, text }),
    onKey: pressKey,
  });
  // While a tool is open it owns the keys (its own `useKeypress`); the lesson waits underneath.
  useKeypress(
    (input, key) => {
      pressKey(input, key);
      return true;
    },
    { isActive: state.tool === undefined },
  );

  const look = { t, ascii, color };
  if (state.tool === 'train')
    return (
      <TrainerScreen
        key="train"
        session={session()}
        kind="xo"
        canDraw
        onExit={leaveTool}
        {...look}
      />
    );
  if (state.tool === 'draw')
    return <DrawScreen key="draw" session={session()} onExit={leaveTool} {...look} />;

  const { screen } = built;
  return (
    <Box flexDirection="column" width={columns}>
      {screen.kind === 'too-small' ? <TooSmall lines={screen.lines} /> : null}
      {screen.kind === 'help' ? <HelpOverlay lines={screen.lines} footer={screen.footer} /> : null}
      {screen.kind === 'home' ? (
        <Home
          rows={screen.rows}
          height={screen.height}
          marker={screen.marker}
          status={screen.status}
          bottom={screen.bottom}
          ascii={ascii}
        />
      ) : null}
      {screen.kind === 'lesson' ? <LessonView screen={screen} wiring={field} /> : null}
    </Box>
  );
}
