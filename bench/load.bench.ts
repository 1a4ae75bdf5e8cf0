/**
 * Load (issue 8): a bounded load test on loopback against the production build, served as `npm start`
 * serves it (a worker per core; the load generator shares the same cores). 50 concurrent
 * clients rank 100 sites (each request with its own weights, as slider drags send them) for a fixed
 * time, then sample layers at 100 points. Prints throughput, p50/p99 latency and errors. Target:
 * zero errors and p99 under 500 ms for ranking. Rate limiting is switched off for this run (it would
 * otherwise, correctly, refuse a single client sending this much).
 */
import autocannon from "autocannon";
import { existsSync } from "node:fs";
import { spawnSync } from "node:child_process";
import path from "node:path";
import { LayerStore } from "@/server/layers/store";
import { presets } from "@/server/siting/presets";
import { startHarness } from "../tests/e2e/harness";
import { randomLandPoints } from "./layers.bench";
import type { BenchRow } from "./types";

export const name = "load";

const ROOT = path.resolve(__dirname, "..");
const DURATION_S = Number(process.env.LOAD_DURATION_S ?? 15);
const CONNECTIONS = 50;

function run(opts: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon(opts, (err, result) => (err ? reject(err) : resolve(result)));
  });
}

export async function runLoad(): Promise<BenchRow[]> {
  if (!existsSync(path.join(ROOT, ".next", "BUILD_ID"))) {
    const r = spawnSync(process.execPath, [path.join(ROOT, "node_modules/next/dist/bin/next"), "build"], { cwd: ROOT, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
    if (r.status !== 0) throw new Error("next build failed");
  }
  const store = LayerStore.load(path.join(ROOT, "data/layers"));
  const scenario = presets(store)[0]!.scenario;
  const sites = randomLandPoints(store, 100, 11).map((p, i) => ({ id: `s${i}`, name: `Site ${i}`, lat: p.lat, lon: p.lon, overrides: {}, origin: "import" }));
  const h = await startHarness({ browser: false, cluster: true, env: { RATE_LIMIT_PER_MINUTE: "0" } });
  try {
    let k = 0;
    const rankBody = () => {
      k++;
      const s = { ...scenario, criteria: scenario.criteria.map((c, j) => ({ ...c, weight: 1 + ((k * (j + 3)) % 7) })) };
      return JSON.stringify({ sites, scenario: s });
    };
    // Warm up every worker (layers, metric inputs, JIT) before measuring.
    await run({ url: `${h.baseUrl}/api/trpc/scoring.rank`, connections: 10, duration: 4, method: "POST", headers: { "content-type": "application/json" }, requests: [{ setupRequest: (req) => ({ ...req, body: rankBody() }) }] });
    const rank = await run({
      url: `${h.baseUrl}/api/trpc/scoring.rank`, connections: CONNECTIONS, duration: DURATION_S, method: "POST",
      headers: { "content-type": "application/json" },
      requests: [{ setupRequest: (req) => ({ ...req, body: rankBody() }) }],
    });
    const points = randomLandPoints(store, 100, 12);
    await run({ url: `${h.baseUrl}/api/trpc/layers.sample`, connections: 10, duration: 3, method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ points }) });
    const sample = await run({
      url: `${h.baseUrl}/api/trpc/layers.sample`, connections: CONNECTIONS, duration: Math.max(5, Math.round(DURATION_S / 2)), method: "POST",
      headers: { "content-type": "application/json" }, body: JSON.stringify({ points }),
    });
    const errors = (r: autocannon.Result) => r.errors + r.timeouts + r.non2xx;
    return [
      { figure: `load: scoring.rank 100 sites, ${CONNECTIONS} clients, ${DURATION_S} s — throughput`, value: rank.requests.average, unit: "req/s", target: "", pass: null },
      { figure: "load: scoring.rank — p50 latency", value: rank.latency.p50, unit: "ms", target: "", pass: null },
      { figure: "load: scoring.rank — p99 latency", value: rank.latency.p99, unit: "ms", target: "< 500 ms", pass: rank.latency.p99 < 500 },
      { figure: "load: scoring.rank — errors (incl. non-2xx, timeouts)", value: errors(rank), unit: "count", target: "0", pass: errors(rank) === 0 },
      { figure: `load: layers.sample 100 points × all layers, ${CONNECTIONS} clients — throughput`, value: sample.requests.average, unit: "req/s", target: "", pass: null },
      { figure: "load: layers.sample — p50 / p99 latency", value: sample.latency.p99, unit: "ms (p99)", target: "", pass: null, note: `p50 ${sample.latency.p50} ms` },
      { figure: "load: layers.sample — errors", value: errors(sample), unit: "count", target: "0", pass: errors(sample) === 0 },
    ];
  } finally {
    await h.close();
  }
}

export { runLoad as run };
