/**
 * `npm run bench`: runs every `bench/*.bench.ts` module (or those named on the command line)
 * and prints one table: figure, value, target, pass, and the comparison peer where there is one.
 * `--json <file>` also writes the rows as JSON (used to refresh BENCHMARKS.md).
 */
import { readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import os from "node:os";
import type { BenchModule, BenchRow } from "./types";

async function main() {
  const args = process.argv.slice(2);
  const jsonIdx = args.indexOf("--json");
  const jsonOut = jsonIdx >= 0 ? args[jsonIdx + 1] : undefined;
  const only = args.filter((a, i) => !a.startsWith("--") && (jsonIdx < 0 || i !== jsonIdx + 1));
  const dir = path.dirname(new URL(import.meta.url).pathname);
  const files = readdirSync(dir).filter((f) => f.endsWith(".bench.ts")).sort();
  const rows: (BenchRow & { module: string })[] = [];
  for (const file of files) {
    const mod = (await import(path.join(dir, file))) as BenchModule;
    if (only.length && !only.includes(mod.name)) continue;
    process.stderr.write(`running ${mod.name}…\n`);
    for (const row of await mod.run()) rows.push({ ...row, module: mod.name });
  }
  printTable(rows);
  if (jsonOut) {
    const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
    writeFileSync(jsonOut, JSON.stringify({ machine, date: new Date().toISOString(), rows }, null, 2));
  }
  if (rows.some((r) => r.pass === false)) process.exitCode = 1;
}

function fmt(v: number | null | undefined): string {
  if (v === null || v === undefined) return "—";
  return Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 10 ? v.toFixed(1) : v.toFixed(2);
}

function printTable(rows: (BenchRow & { module: string })[]) {
  const header = ["module", "figure", "value", "unit", "target", "pass", "peer", "peer value", "ratio", "note"];
  const body = rows.map((r) => {
    const ratio = r.peer?.value && r.value !== null ? r.value / r.peer.value : null;
    return [r.module, r.figure, fmt(r.value), r.unit, r.target || "—", r.pass === null ? "—" : r.pass ? "yes" : "NO",
      r.peer?.name ?? "—", fmt(r.peer?.value), ratio === null ? "—" : `${ratio.toFixed(2)}×`, r.note ?? r.peer?.note ?? ""];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) => "| " + cells.map((c, i) => c.padEnd(widths[i]!)).join(" | ") + " |";
  console.log(line(header));
  console.log("|" + widths.map((w) => "-".repeat(w + 2)).join("|") + "|");
  for (const b of body) console.log(line(b));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
