/**
 * A throwaway PostgreSQL server for tests: Debian's PostgreSQL binaries, a fresh cluster in a temp
 * folder, trust auth on loopback, stopped afterwards. `.ci/run` installs the `postgresql` package
 * so CI always has it; elsewhere tests that need it report why they cannot run.
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { freePort } from "./freePort";

export interface TestPostgres { url: string; stop(): Promise<void> }

function binDir(): string | null {
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return null;
  const versions = readdirSync(root).filter((v) => existsSync(path.join(root, v, "bin", "initdb"))).sort((a, b) => Number(b) - Number(a));
  return versions[0] ? path.join(root, versions[0], "bin") : null;
}


/** Why PostgreSQL cannot be started here, or null if it can. */
export function postgresUnavailable(): string | null {
  if (process.env.TEST_DATABASE_URL) return null;
  if (!binDir()) return "PostgreSQL binaries not found under /usr/lib/postgresql (apt-get install postgresql)";
  return null;
}

export async function startPostgres(): Promise<TestPostgres> {
  if (process.env.TEST_DATABASE_URL) return { url: process.env.TEST_DATABASE_URL, stop: async () => {} };
  const bin = binDir();
  if (!bin) throw new Error(postgresUnavailable()!);
  const dir = mkdtempSync(path.join(os.tmpdir(), "siting-pg-"));
  chmodSync(dir, 0o777);
  const dataDir = path.join(dir, "data");
  // PostgreSQL refuses to run as root: run it as the package's postgres user.
  const asUser = process.getuid?.() === 0 ? ["runuser", "-u", "postgres", "--"] : [];
  const run = (cmd: string, args: string[]) => (asUser.length ? execFileSync(asUser[0]!, [...asUser.slice(1), cmd, ...args], { stdio: "pipe" }) : execFileSync(cmd, args, { stdio: "pipe" }));
  run(path.join(bin, "initdb"), ["-D", dataDir, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8"]);
  const port = await freePort();
  const args = ["-D", dataDir, "-p", String(port), "-k", dir, "-c", "listen_addresses=127.0.0.1", "-c", "fsync=off"];
  const server: ChildProcess = asUser.length
    ? spawn(asUser[0]!, [...asUser.slice(1), path.join(bin, "postgres"), ...args], { stdio: "ignore", detached: true })
    : spawn(path.join(bin, "postgres"), args, { stdio: "ignore", detached: true });
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  const deadline = Date.now() + 20_000;
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const s = net.connect(port, "127.0.0.1", () => { s.end(); resolve(true); });
      s.on("error", () => resolve(false));
    });
    if (ok) break;
    if (Date.now() > deadline) throw new Error("PostgreSQL did not start within 20 s");
    await new Promise((r) => setTimeout(r, 100));
  }
  await new Promise((r) => setTimeout(r, 300)); // accepting connections may lag the socket by a moment
  return {
    url,
    async stop() {
      try {
        process.kill(-server.pid!, "SIGINT");
      } catch {
        // already stopped
      }
      await new Promise((r) => setTimeout(r, 300));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
