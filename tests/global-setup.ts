/**
 * Before any test: build dist/ from the sources, once. Tests that run the real command line
 * run the built program (as users do, through bin/cnn-tutor.js), and a run of the built
 * program starts several times faster than compiling the sources on the fly for each run.
 */
import { buildCli } from '../scripts/build.mjs';

export default async function setup(): Promise<void> {
  await buildCli({ quiet: true });
}
