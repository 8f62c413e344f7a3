/**
 * The interactive tutor, a screen of the shell. The CLI mounts it inside a `ShellRoot`, which
 * owns stdin and hands each key to the screen on top: the tutor itself, or the X/O trainer or
 * draw screen opened over a lesson (each returns to the one it was opened from).
 *
 * Data flows one way: key → keymap → command → reducer → state → frame (pure lines) → Ink.
 */
import { useApp } from 'ink';
import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { ContentProblem, Course } from '../content/course.js';
import { newSeed as freshSeed } from '../content/instantiate.js';
import type { Progress } from '../content/progress.js';
import type { Message } from '../i18n/index.js';
import { useInterval } from './hooks/use-interval.js';
import { type SaveProgress, useProgressSaver } from './hooks/use-progress.js';
import { useScreen } from './shell/use-screen.js';
import { createTutorEnv } from './state/env.js';
import { currentDemo, initialState, reduce } from './state/reducer.js';
import type { Action, Tool } from './state/types.js';
import { DrawScreen } from './train/DrawScreen.js';
import { type TrainingSession, createXoSession } from './train/session.js';
import { TrainerScreen } from './train/TrainerScreen.js';
import { tutorScreen } from './tutor-screen.js';
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
  const [saveError, setSaveError] = useState<string | undefined>(undefined);
  const clock = useRef({ now, newSeed });
  clock.current = { now, newSeed };
  const stamp = useCallback(
    () => ({ now: clock.current.now(), seed: clock.current.newSeed() }),
    [],
  );
  const def = useMemo(
    () => tutorScreen(env, { problems, saveError, stamp }),
    [env, problems, saveError, stamp],
  );
  const screen = useScreen(
    def,
    () => {
      const home = initialState(env, { progress, notice: progressNotice });
      const index = course.lessons.findIndex((l) => l.id === startLesson);
      if (index < 0) return home;
      return reduce({ ...home, selected: index }, { type: 'lesson/open', index, at: stamp() }, env);
    },
    // While a tool is open it takes the keys; the lesson waits underneath.
    { t, ascii, color, active: (state) => state.tools.length === 0 },
  );
  const { state, update } = screen;
  const dispatch = useCallback(
    (action: Action) => update((s) => reduce(s, action, env)),
    [update, env],
  );
  useProgressSaver(state.progress, saveProgress, t, setSaveError);

  const { exit } = useApp();
  const [quitting, setQuitting] = useState(false);
  useLayoutEffect(() => {
    if (screen.quitting || quitting) exit();
  }, [screen.quitting, quitting, exit]);

  const tool: Tool | undefined = state.tools.at(-1);
  const playing = currentDemo(state, env)?.session.playing === true && tool === undefined;
  useInterval(playing, playInterval, () => dispatch({ type: 'demo/tick' }));

  // One X/O network for the session: leaving the trainer and coming back keeps what it learned.
  const xo = useRef<TrainingSession | null>(null);
  const session = (): TrainingSession => (xo.current ??= xoSession());
  const leaveTool = useCallback(
    (to: 'back' | 'quit' | 'draw' | 'train') => {
      if (to === 'quit') setQuitting(true);
      else if (to === 'back') dispatch({ type: 'tool/close' });
      else dispatch({ type: 'tool/open', tool: to });
    },
    [dispatch],
  );

  const look = { t, ascii, color };
  // Each tool is a screen of its own; the key makes a new one when the stack changes.
  const key = state.tools.join('>');
  if (tool === 'train')
    return (
      <TrainerScreen key={key} session={session()} kind="xo" canDraw onExit={leaveTool} {...look} />
    );
  if (tool === 'draw')
    return <DrawScreen key={key} session={session()} onExit={leaveTool} {...look} />;
  return screen.element;
}
