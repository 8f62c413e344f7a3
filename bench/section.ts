/** The contract between `bench/run.ts` and each benchmark section. */

export interface SectionOptions {
  /** Print the section's results as one line of JSON instead of a table. */
  readonly json: boolean;
  /** Where progress notes go (never stdout, so `--json` output stays parseable). */
  readonly progress: (message: string) => void;
}

export interface BenchSection {
  /** What `--only` selects, e.g. `engine`. */
  readonly name: string;
  /** A heading for the table. */
  readonly title: string;
  /** Measures and prints its own results to stdout. */
  readonly run: (options: SectionOptions) => Promise<void>;
}
