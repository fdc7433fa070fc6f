/** Options tests shorten so a killed worker's job is picked up again within seconds. */
export interface WorkerTuning {
  lockDurationMs?: number;
  stalledIntervalMs?: number;
  /** Leave the repeating reconcile / weekly-summary schedulers out (tests drive them by hand). */
  withoutSchedulers?: boolean;
  /** Take no jobs at all: only the services run, called directly (benchmarks). */
  withoutProcessors?: boolean;
}
export const WORKER_TUNING = Symbol('WORKER_TUNING');
