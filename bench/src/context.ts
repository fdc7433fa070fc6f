/** What every benchmark scenario receives from the runner (bench/src/main.ts). */
export interface BenchContext {
  /** Repository root (absolute). */
  root: string;
  /** A fresh, migrated database of the bench's own (never the demo database). */
  databaseUrl: string;
  redisUrl: string;
  /** CI's smoke run: tiny sizes and durations, same code paths. */
  smoke: boolean;
  /** A unique BullMQ prefix for this run. */
  queuePrefix: string;
  log: (line: string) => void;
}

/** One row of the printed table and of bench/results/<run>.json. */
export interface BenchResult {
  scenario: string;
  /** What was measured, e.g. "requests/s". */
  metric: string;
  /** The project's figure. */
  value: number;
  /** The baseline measured in the same run, when there is one. */
  baseline?: number;
  /** value / baseline, or the scenario's own comparison (e.g. 1000-run cost ÷ 500-run cost). */
  ratio?: number;
  /** The target, in words, e.g. ">= 0.5x baseline". */
  target?: string;
  /** Whether the target was met. */
  met?: boolean;
  notes?: string;
}

export type Scenario = (ctx: BenchContext) => Promise<BenchResult[]>;
