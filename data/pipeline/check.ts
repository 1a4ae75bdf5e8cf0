/**
 * `npm run data:check`: rebuilds the layers into a temporary folder and fails on any difference
 * from the committed data/layers (a changed, missing or extra file), so generated files can never
 * drift from the pipeline and its inputs. Skips with a message when the raw folder is absent.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildLayers, DEFAULT_OUT_DIR, DEFAULT_RAW_DIR } from "./build";

function listFiles(dir: string, base = dir): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? listFiles(full, base) : [path.relative(base, full)];
  }).sort();
}

export function compareTrees(expectedDir: string, actualDir: string): string[] {
  const expected = new Set(listFiles(expectedDir));
  const actual = new Set(listFiles(actualDir));
  const problems: string[] = [];
  for (const f of expected) {
    if (!actual.has(f)) problems.push(`missing from rebuild: ${f}`);
    else if (!readFileSync(path.join(expectedDir, f)).equals(readFileSync(path.join(actualDir, f)))) problems.push(`differs: ${f}`);
  }
  for (const f of actual) if (!expected.has(f)) problems.push(`not committed: ${f}`);
  return problems;
}

function main() {
  const rawDir = path.resolve(process.env.DATA_RAW_DIR ?? DEFAULT_RAW_DIR);
  if (!existsSync(rawDir)) {
    console.log(`data:check skipped: raw data folder ${rawDir} is absent (set DATA_RAW_DIR).`);
    return;
  }
  const tmp = mkdtempSync(path.join(os.tmpdir(), "siting-layers-"));
  try {
    buildLayers({ rawDir, outDir: tmp, profile: "full" });
    const problems = compareTrees(DEFAULT_OUT_DIR, tmp);
    if (problems.length) {
      console.error(`data:check FAILED — data/layers differs from a fresh build (run npm run data:build and commit):\n  ${problems.join("\n  ")}`);
      process.exitCode = 1;
    } else {
      console.log(`data:check passed: ${listFiles(tmp).length} files in data/layers are byte-identical to a fresh build.`);
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

main();
