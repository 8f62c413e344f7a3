/**
 * The interactive tutor, a screen of the shell. The CLI mounts it inside a `ShellRoot`, which
 * owns stdin and hands each key to the screen on top: the tutor itself, or the X/O trainer or
 * draw screen opened over a lesson (each returns to the one it was opened from).
 *
 * Data flows one way: key → keymap → command → reducer → state → frame (pure lines) → Ink.
 *
 * Home is drawn before the templates and the tools are loaded (`later.ts`); until they are,
 * the screen takes no keys, and the shell keeps what is typed meanwhile for it.
 */
import { useApp } from 'ink';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { ContentProblem, Course } from '../content/course.js';
import { newSeed as freshSeed } from '../content/random.js';
import type { Progress } from '../content/progress.js';
import type { Message } from '../i18n/index.js';
import { useInterval } from './hooks/use-interval.js';
import { type SaveProgress, useProgressSaver } from './hooks/use-progress.js';
import { useScreen } from './shell/use-screen.js';
import { createTutorEnv } from './state/env.js';
import { currentDemo, initialState, reduce } from './state/reducer.js';
import type { Action, Tool } from './state/types.js';
import { type Later, loadLater } from './later.js';
import type { TrainingSession } from './train/session.js';
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
  /** The modules `later.ts` loads, when the caller has them already. @default loaded on mount */
  readonly later?: Later;
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
  xoSession,
  later: given,
}: AppProps) {
  const later = useLater(given);
  const instantiate = later?.instantiate ?? notYet;
  const env = useMemo(
    () => createTutorEnv(course, { lang, t, instantiate }),
    [course, lang, t, instantiate],
  );
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
    { t, ascii, color, active: (state) => later !== undefined && state.tools.length === 0 },
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
  const handSet = useRef<ReturnType<Later['handSetOf']> | null>(null);
  const session = (tools: Later): TrainingSession =>
    (xo.current ??= (xoSession ?? tools.createXoSession)());
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
  if (later !== undefined && tool === 'train') {
    const { TrainerScreen } = later;
    return (
      <TrainerScreen
        key={key}
        session={session(later)}
        kind="xo"
        canDraw
        onExit={leaveTool}
        {...look}
      />
    );
  }
  if (later !== undefined && tool === 'draw') {
    const { DrawScreen } = later;
    handSet.current ??= later.handSetOf(course.library, lang);
    // The loader opens the draw screen only for a course whose library has what it needs.
    if (!('missing' in handSet.current))
      return (
        <DrawScreen
          key={key}
          session={session(later)}
          handSet={handSet.current}
          onExit={leaveTool}
          {...look}
        />
      );
  }
  return screen.element;
}

/** Questions are asked only once `later` is here (no key is taken before): never called. */
function notYet(): never {
  throw new Error('The exercise templates are still loading.');
}

/** `given`, or the modules of `later.ts` once they have loaded. */
function useLater(given: Later | undefined): Later | undefined {
  const [loaded, setLoaded] = useState<Later | undefined>(given);
  const { exit } = useApp();
  useEffect(() => {
    if (loaded !== undefined) return undefined;
    let live = true;
    loadLater().then(
      (modules) => live && setLoaded(modules),
      (error: unknown) => live && exit(error instanceof Error ? error : new Error(String(error))),
    );
    return () => {
      live = false;
    };
  }, [loaded, exit]);
  return loaded;
}
