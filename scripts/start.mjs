// `npm start`: builds the app when there is no production build or the sources changed since the
// last one, then serves it on port 3000 (PORT overrides) on every core (scripts/serve.mjs) with the
// bundled data in data/layers and the embedded database under .data/ (DATA_DIR overrides).
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
process.env.NEXT_TELEMETRY_DISABLED = "1";

function newestMtime(dir) {
  let newest = 0;
  for (const name of readdirSync(dir, { withFileTypes: true })) {
    if (name.name === "node_modules" || name.name.startsWith(".")) continue;
    const full = path.join(dir, name.name);
    newest = Math.max(newest, name.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

const buildId = path.join(root, ".next", "BUILD_ID");
const sources = ["app", "pages", "components", "server", "data/schema", "data/lib", "next.config.js", "package.json"].map((p) => path.join(root, p));
const stale = !existsSync(buildId) || Math.max(...sources.filter(existsSync).map((p) => (statSync(p).isDirectory() ? newestMtime(p) : statSync(p).mtimeMs))) > statSync(buildId).mtimeMs;
if (stale) {
  console.log("Building the app (first start, or sources changed)…");
  const r = spawnSync(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "build"], { cwd: root, stdio: "inherit", env: process.env });
  if (r.status !== 0) process.exit(r.status ?? 1);
  // `prebuild` copies browser assets when run through npm; do the same here.
}
spawnSync(process.execPath, [path.join(root, "scripts/copy-assets.mjs")], { cwd: root, stdio: "inherit" });
const child = spawn(process.execPath, [path.join(root, "scripts/serve.mjs")], { cwd: root, stdio: "inherit", env: process.env });
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => child.kill(sig));
child.on("exit", (code) => process.exit(code ?? 0));
