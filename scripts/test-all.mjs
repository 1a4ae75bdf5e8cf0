// `npm test`: the whole suite, in the order that fails fastest — lint, the import order between
// folders (dependency-cruiser), type-check, data:check (generated layers match a fresh pipeline run), unit + API +
// property tests, production build, browser tests. Stops at the first failing step.
import { spawnSync } from "node:child_process";
import path from "node:path";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const bin = (name) => path.join(root, "node_modules", ".bin", name);
process.env.NEXT_TELEMETRY_DISABLED = "1";

const steps = [
  ["lint", bin("eslint"), ["--max-warnings=0", "."]],
  ["import order (.dependency-cruiser.cjs)", bin("depcruise"), ["server", "app", "components", "pages", "data", "instrumentation.ts", "--config", ".dependency-cruiser.cjs", "--output-type", "err"]],
  ["typecheck", bin("tsc"), ["--noEmit"]],
  ["data:check", bin("tsx"), ["data/pipeline/check.ts"]],
  ["unit, API and property tests", bin("vitest"), ["run"]],
  ["build", process.execPath, [path.join(root, "scripts/copy-assets.mjs")], bin("next"), ["build"]],
  ["browser tests", bin("vitest"), ["run", "--config", "vitest.e2e.config.mts"]],
];

for (const [name, ...cmds] of steps) {
  console.log(`\n=== ${name} ===`);
  for (let i = 0; i < cmds.length; i += 2) {
    const r = spawnSync(cmds[i], cmds[i + 1], { cwd: root, stdio: "inherit", env: process.env });
    if (r.status !== 0) {
      console.error(`\n${name} failed (exit ${r.status ?? r.signal}).`);
      process.exit(r.status || 1);
    }
  }
}
console.log("\nAll test steps passed.");
