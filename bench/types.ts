/** One line of the `npm run bench` table. */
export interface BenchRow {
  /** What was measured, e.g. "layers.sample 100k points × all layers". */
  figure: string;
  /** The measured value, already rounded for display. */
  value: number | null;
  unit: string;
  /** The target from the issue, e.g. "< 1000 ms", or "" when there is none. */
  target: string;
  /** Whether the value meets the target (null when no target or not measurable here). */
  pass: boolean | null;
  /** A comparison peer (e.g. "NumPy 2.x vectorised") and its value in the same unit, when the issue names one. */
  peer?: { name: string; value: number | null; note?: string };
  /** Free-text note (e.g. why a figure was skipped). */
  note?: string;
}

/** A benchmark module: `bench/<name>.bench.ts` exports `name` and `run`. */
export interface BenchModule {
  name: string;
  run(): Promise<BenchRow[]>;
}

/** Median wall time of `fn` over `repeats` runs after `warmup` runs, in milliseconds. */
export async function medianMs(fn: () => unknown | Promise<unknown>, repeats = 5, warmup = 1): Promise<number> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}
