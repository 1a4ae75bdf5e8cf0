// Serves the production build on every core: a cluster of `next start` workers sharing one port
// (Node's cluster module hands them the listening socket). WEB_CONCURRENCY sets the number of
// workers (default: the number of CPUs, at most 8). Workers start one after another, so only the
// first applies database migrations; a worker that dies is replaced.
import cluster from "node:cluster";
import os from "node:os";
import path from "node:path";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");

if (cluster.isPrimary) {
  const workers = Math.max(1, Math.min(8, Number(process.env.WEB_CONCURRENCY) || os.availableParallelism?.() || os.cpus().length));
  const port = process.env.PORT ?? "3000";
  const host = process.env.HOST;
  cluster.setupPrimary({ exec: path.join(root, "node_modules/next/dist/bin/next"), args: ["start", "-p", port, ...(host ? ["-H", host] : [])] });
  let started = 0;
  let stopping = false;
  const forkNext = () => {
    if (started >= workers) return;
    started++;
    const w = cluster.fork();
    w.once("listening", () => setTimeout(forkNext, 200));
  };
  cluster.on("exit", (w, code, signal) => {
    if (stopping) return;
    console.error(`worker ${w.process.pid} exited (${signal ?? code}); starting a replacement`);
    started--;
    forkNext();
  });
  for (const sig of ["SIGINT", "SIGTERM"]) {
    process.on(sig, () => {
      stopping = true;
      for (const w of Object.values(cluster.workers ?? {})) w?.kill(sig);
      setTimeout(() => process.exit(0), 2000).unref();
    });
  }
  console.log(`Siting Atlas on http://${host ?? "localhost"}:${port} (${workers} worker${workers > 1 ? "s" : ""})`);
  forkNext();
}
