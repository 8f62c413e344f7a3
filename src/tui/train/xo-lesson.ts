/**
 * The lesson whose steps offer the trainer (`t`) and the draw screen (`d`). A module of its own,
 * so the lesson screens can name it without loading the network behind those tools.
 */
export const XO_LESSON_ID = 'xo-network';
