/** The lab as a screen of the shell: its keys, what they do, what it shows. */
import type { ScreenDef } from '../shell/screen.js';
import { LAB_COMMANDS, type LabCommandId } from './keymap.js';
import { type LabScreenState, labCommand, labKeyState, setDraft, unsavedIds } from './reducer.js';
import { labFrame } from './view.js';

export const labScreen: ScreenDef<LabScreenState, LabCommandId> = {
  commands: LAB_COMMANDS,
  keys: labKeyState,
  command: labCommand,
  fieldChange: setDraft,
  frame: labFrame,
  unsaved: (state) => unsavedIds(state).length > 0,
  quitQuestion: (state, o) => o.t('lab.screen.quit', { count: unsavedIds(state).length }),
  about: (state, o) => o.t('lab.screen.help.grade', { file: state.session.file }),
};
