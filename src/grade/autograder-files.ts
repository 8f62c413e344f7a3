/**
 * The files of a Gradescope autograder zip for one lab. Gradescope unpacks the zip into
 * `/autograder/source`, runs `setup.sh` once to build the image, and runs `run_autograder`
 * for every submission, with the student's files in `/autograder/submission`; the results go
 * to `/autograder/results/results.json`. Each path can be moved with an environment variable,
 * which is how the tests run the script on a laptop.
 *
 * A teacher may edit these files (a proxy in setup.sh, another Node version), so each carries
 * a `# cnn-tutor gradescope sha256:…` line with the checksum of the rest of the file: after an
 * edit it no longer matches, and writing the autograder again into the same folder refuses to
 * replace the edited file (without `--force`).
 */
import { isSealed, sealed } from './output-signature.js';

export interface AutograderOptions {
  /** The lab id, for comments. */
  readonly lab: string;
  /** The cnn-tutor version that made the zip: the registry fallback installs exactly this one. */
  readonly version: string;
}

export interface AutograderFile {
  readonly name: string;
  readonly text: string;
  /** File mode: scripts are executable; the secret is readable by its owner only. */
  readonly mode: number;
}

/** The course secret's file in the zip; `run_autograder` exports it as CNN_TUTOR_SECRET. */
export const SECRET_FILE = 'lab-secret';
/** The lab, copied into the zip so the autograder grades exactly the lab it was made for. */
export const LAB_FILE = 'lab.yaml';

export function setupScript(options: AutograderOptions): string {
  return `#!/usr/bin/env bash
# Gradescope runs this once, when it builds the autograder for lab ${options.lab}:
# it installs Node.js 20 and cnn-tutor. Made by \`cnn-tutor gradescope\` (cnn-tutor ${options.version}).
set -euo pipefail
cd "$(dirname "$0")"

node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }
if [ "$(node_major)" -lt 20 ]; then
  apt-get update
  apt-get install -y ca-certificates curl gnupg
  curl -fsSL https://deb.nodesource.com/setup_20.x | bash -
  apt-get install -y nodejs
fi

# cnn-tutor itself: a packed copy in this zip (\`npm pack\` in the cnn-tutor folder), else the
# registry, at the version that made these files so that every variant stays the same.
shopt -s nullglob
packs=(cnn-tutor-*.tgz)
if [ \${#packs[@]} -gt 0 ]; then
  npm install --global "./\${packs[0]}"
else
  npm install --global "cnn-tutor@${options.version}"
fi
cnn-tutor --version
`;
}

export function runAutograderScript(options: AutograderOptions): string {
  return `#!/usr/bin/env bash
# Gradescope runs this for every submission of lab ${options.lab}: it grades the student's
# JSON file against ${LAB_FILE} and writes results.json. It always exits 0 and always leaves a
# results.json, so the student sees a reason even when something went wrong.
# Paths for testing: CNN_TUTOR_AUTOGRADER_SOURCE, CNN_TUTOR_SUBMISSION_DIR,
# CNN_TUTOR_RESULTS_DIR; CNN_TUTOR_COMMAND runs another cnn-tutor (split on spaces).
set -uo pipefail
SOURCE="\${CNN_TUTOR_AUTOGRADER_SOURCE:-/autograder/source}"
SUBMISSION="\${CNN_TUTOR_SUBMISSION_DIR:-/autograder/submission}"
RESULTS="\${CNN_TUTOR_RESULTS_DIR:-/autograder/results}"
read -r -a COMMAND <<< "\${CNN_TUTOR_COMMAND:-cnn-tutor}"

mkdir -p "$RESULTS"
if [ -f "$SOURCE/${SECRET_FILE}" ]; then
  CNN_TUTOR_SECRET="$(cat "$SOURCE/${SECRET_FILE}")"
  export CNN_TUTOR_SECRET
fi
"\${COMMAND[@]}" grade "$SUBMISSION" --lab "$SOURCE/${LAB_FILE}" --format gradescope --out "$RESULTS/results.json" --force
status=$?
if [ ! -s "$RESULTS/results.json" ]; then
  printf '{"score": 0, "output": "The autograder could not grade this submission (cnn-tutor exit code %s). Please tell your teacher.", "tests": []}\\n' "$status" > "$RESULTS/results.json"
fi
exit 0
`;
}

const SEAL = 'gradescope';

/** Where each file's seal goes: after the `#!` line of a script, first in the lab. */
const SEAL_LINE: Readonly<Record<string, number>> = {
  'setup.sh': 1,
  run_autograder: 1,
  [LAB_FILE]: 0,
};

/**
 * True when `text` is the file `name` as `cnn-tutor gradescope` wrote it, unedited. The secret
 * carries no seal (its whole content is the secret): an existing one is replaced only by the
 * same secret, or with `--force`.
 */
export function isAutograderFile(name: string, text: string): boolean {
  const line = SEAL_LINE[name];
  return line !== undefined && isSealed(text, SEAL, line);
}

/** Everything `cnn-tutor gradescope` writes: the two scripts, the lab, and the secret if there is one. */
export function autograderFiles(
  options: AutograderOptions & { labSource: string; secret?: string },
): AutograderFile[] {
  const seal = (name: string, text: string) => sealed(text, SEAL, SEAL_LINE[name]);
  // A lab taken from an earlier autograder keeps one seal, not two.
  const lab = isSealed(options.labSource, SEAL, 0)
    ? options.labSource.slice(options.labSource.indexOf('\n') + 1)
    : options.labSource;
  const files: AutograderFile[] = [
    { name: 'setup.sh', text: seal('setup.sh', setupScript(options)), mode: 0o755 },
    {
      name: 'run_autograder',
      text: seal('run_autograder', runAutograderScript(options)),
      mode: 0o755,
    },
    { name: LAB_FILE, text: seal(LAB_FILE, lab), mode: 0o644 },
  ];
  if (options.secret !== undefined)
    files.push({ name: SECRET_FILE, text: options.secret, mode: 0o600 });
  return files;
}
