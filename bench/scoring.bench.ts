/**
 * `npm run bench scoring`: the scoring engine beside a vectorised NumPy implementation of the
 * same computations (bench/numpy/scoring_peer.py), on the same seeded data:
 *   - WSM, TOPSIS and VIKOR on 100,000 alternatives × 12 criteria (scores + ranking; VIKOR also
 *     its compromise set), input as a ColumnMatrix (one Float64Array per criterion), the form the
 *     evaluator builds for sites and cells (NumPy gets its own natural form, a C-ordered m × n array);
 *   - SMAA-2 with 10,000 weight samples × 1,000 alternatives × 12 criteria (rank acceptabilities,
 *     central weights, confidence factors).
 * Target (issue 14): at most 0.7 × NumPy's time in the same run.
 *
 * Method: both sides are warmed up (the JIT needs a few calls; NumPy's first call pays its page
 * faults), then timed alternately, one TypeScript run then one NumPy run, ROUNDS times, so that
 * both see the same machine load (and the same cold caches: each evicts the other's data); each
 * figure is the median of its runs. The NumPy side keeps
 * running as a child process for the whole benchmark (its start-up is not timed). Both sides
 * write their results so that agreement is checked, not assumed.
 */
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { createRandom, smaa, topsis, vikor, wsm, type ColumnMatrix, type CriterionType, type Problem } from "../server/scoring";
import type { BenchRow } from "./types";

export const name = "scoring";

const M = 100_000;
const N = 12;
const SMAA_M = 1_000;
const SMAA_SAMPLES = 10_000;
const SEED = 20261128;
const WARMUP = 5;
/** Alternating TypeScript/NumPy rounds per figure (more for the short ones: the machine is shared and noisy). */
const ROUNDS: Record<string, number> = { wsm: 15, topsis: 15, vikor: 15, smaa: 9 };

function makeData() {
  const rng = createRandom(SEED);
  // Raw values on different scales per criterion (like MW, km, gCO2/kWh), all positive.
  const scale = Array.from({ length: N }, (_, j) => 10 ** ((j % 4) - 1));
  const flat = new Float64Array(M * N);
  const columns = Array.from({ length: N }, () => new Float64Array(M));
  for (let i = 0; i < M; i++) {
    for (let j = 0; j < N; j++) {
      const x = scale[j]! * (1 + 99 * rng.next());
      columns[j]![i] = x;
      flat[i * N + j] = x;
    }
  }
  const matrix: ColumnMatrix = { rows: M, columns };
  const types: CriterionType[] = Array.from({ length: N }, (_, j) => (j % 3 === 2 ? "cost" : "benefit"));
  const weights = Array.from({ length: N }, () => 0.2 + rng.next());
  const vFlat = new Float64Array(SMAA_M * N);
  const vColumns = Array.from({ length: N }, () => new Float64Array(SMAA_M));
  for (let i = 0; i < SMAA_M; i++) {
    for (let j = 0; j < N; j++) {
      const u = rng.next();
      vColumns[j]![i] = u;
      vFlat[i * N + j] = u;
    }
  }
  const utilities: ColumnMatrix = { rows: SMAA_M, columns: vColumns };
  return { problem: { matrix, types, weights } satisfies Problem, flat, utilities, vFlat };
}

function readF64(file: string): Float64Array {
  const b = readFileSync(file);
  return new Float64Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));
}
function readI32(file: string): Int32Array {
  const b = readFileSync(file);
  return new Int32Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));
}
function maxDiff(ts: ArrayLike<number>, py: ArrayLike<number>): number {
  let worst = 0;
  for (let i = 0; i < ts.length; i++) worst = Math.max(worst, Math.abs(ts[i]! - py[i]!));
  return worst;
}
function mismatches(ts: ArrayLike<number>, py: ArrayLike<number>): number {
  let bad = 0;
  for (let i = 0; i < ts.length; i++) if (ts[i] !== py[i]) bad++;
  return bad;
}
function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1]!;
}

/** The NumPy peer as a running child process answering one timing per request line. */
interface Peer {
  version: string;
  compromise: number[];
  time(job: string): Promise<number>;
  close(): void;
}

async function startPeer(dir: string): Promise<Peer | { error: string }> {
  const script = path.join(path.dirname(new URL(import.meta.url).pathname), "numpy", "scoring_peer.py");
  let child: ChildProcessWithoutNullStreams;
  try {
    child = spawn("python3", [script, dir], { stdio: ["pipe", "pipe", "pipe"] });
  } catch (e) {
    return { error: `python3 not available (${(e as Error).message})` };
  }
  let stderr = "";
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  const spawnError = new Promise<{ error: string }>((resolve) => child.on("error", (e) => resolve({ error: `python3 not available (${e.message})` })));
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const next = async (): Promise<string | null> => {
    const r = await lines.next();
    return r.done ? null : (r.value as string);
  };
  const first = await Promise.race([next(), spawnError]);
  if (first === null || typeof first !== "string") {
    child.kill();
    return typeof first === "object" && first ? first : { error: `peer failed: ${stderr.trim().split("\n").pop() ?? "no output"}` };
  }
  const hello = JSON.parse(first) as { ready?: boolean; numpy?: string; error?: string; vikor_compromise?: number[] };
  if (!hello.ready) {
    child.kill();
    return { error: hello.error ?? "peer did not start" };
  }
  return {
    version: hello.numpy ?? "?",
    compromise: hello.vikor_compromise ?? [],
    async time(job: string) {
      child.stdin.write(`${job}\n`);
      const line = await next();
      if (line === null) throw new Error(`NumPy peer stopped: ${stderr.trim()}`);
      return Number(line);
    },
    close() {
      child.stdin.end();
    },
  };
}

export async function run(): Promise<BenchRow[]> {
  const { problem, flat, utilities, vFlat } = makeData();
  const v = 0.5;
  const jobs: Record<string, () => unknown> = {
    wsm: () => wsm(problem),
    topsis: () => topsis(problem),
    vikor: () => vikor(problem, { v }),
    smaa: () => smaa(utilities, { samples: SMAA_SAMPLES, seed: SEED }),
  };

  const dir = mkdtempSync(path.join(os.tmpdir(), "scoring-bench-"));
  writeFileSync(path.join(dir, "X.f64"), new Uint8Array(flat.buffer));
  writeFileSync(path.join(dir, "V.f64"), new Uint8Array(vFlat.buffer));
  writeFileSync(path.join(dir, "meta.json"), JSON.stringify({ m: M, n: N, smaa_m: SMAA_M, smaa_n: N, weights: problem.weights, types: problem.types, v, samples: SMAA_SAMPLES, seed: SEED }));
  const peer = await startPeer(dir);
  const checks: Record<string, string> = {};
  const ts: Record<string, number[]> = {};
  const py: Record<string, number[]> = {};
  try {
    if (!("error" in peer)) {
      const a = wsm(problem);
      checks.wsm = `agrees with NumPy: max Δscore ${maxDiff(a.scores, readF64(path.join(dir, "wsm_scores.f64"))).toExponential(1)}, ${mismatches(a.ranking, readI32(path.join(dir, "wsm_ranks.i32")))} rank differences`;
      const t = topsis(problem);
      checks.topsis = `agrees with NumPy: max Δcloseness ${maxDiff(t.closeness, readF64(path.join(dir, "topsis_closeness.f64"))).toExponential(1)}, ${mismatches(t.ranking, readI32(path.join(dir, "topsis_ranks.i32")))} rank differences`;
      const k = vikor(problem, { v });
      const sameSet = JSON.stringify(k.compromise) === JSON.stringify(peer.compromise);
      checks.vikor = `agrees with NumPy: max ΔQ ${maxDiff(k.Q, readF64(path.join(dir, "vikor_q.f64"))).toExponential(1)}, ${mismatches(k.ranking, readI32(path.join(dir, "vikor_ranks.i32")))} rank differences, compromise set ${sameSet ? "identical" : "DIFFERENT"}`;
      const s = smaa(utilities, { samples: SMAA_SAMPLES, seed: SEED });
      checks.smaa = `first-rank acceptability within ${maxDiff(s.rankAcceptability.map((r) => r[0]!), readF64(path.join(dir, "smaa_first.f64"))).toFixed(3)} of NumPy's (independent random streams)`;
    }
    for (const [job, fn] of Object.entries(jobs)) {
      for (let k = 0; k < WARMUP; k++) fn();
      ts[job] = [];
      py[job] = [];
      for (let k = 0; k < ROUNDS[job]!; k++) {
        const t0 = performance.now();
        fn();
        ts[job].push(performance.now() - t0);
        if (!("error" in peer)) py[job].push(await peer.time(job));
      }
    }
  } finally {
    if (!("error" in peer)) peer.close();
    rmSync(dir, { recursive: true, force: true });
  }

  const peerName = "error" in peer ? "NumPy vectorised" : `NumPy ${peer.version} vectorised`;
  const note = "error" in peer ? (peer.error.includes("numpy") || peer.error.includes("python3") ? "numpy not available" : peer.error) : undefined;
  const row = (figure: string, job: string): BenchRow => {
    const value = round(median(ts[job]!));
    const pv = note ? null : round(median(py[job]!));
    const r: BenchRow = {
      figure,
      value,
      unit: "ms",
      target: "≤ 0.7 × NumPy",
      pass: pv === null ? null : value <= 0.7 * pv,
      peer: note ? { name: peerName, value: null, note } : { name: peerName, value: pv },
    };
    if (checks[job]) r.note = checks[job];
    return r;
  };
  return [
    row(`WSM ${M.toLocaleString("en")} × ${N} (scores + ranking)`, "wsm"),
    row(`TOPSIS ${M.toLocaleString("en")} × ${N} (closeness + ranking)`, "topsis"),
    row(`VIKOR ${M.toLocaleString("en")} × ${N} (S, R, Q, ranking, compromise)`, "vikor"),
    row(`SMAA-2 ${SMAA_SAMPLES.toLocaleString("en")} samples × ${SMAA_M.toLocaleString("en")} alternatives × ${N}`, "smaa"),
  ];
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
