/**
 * Derived per-cell arrays kept on disk between runs (model grids, cooling grids): read when present
 * and the right size, written atomically (a temporary file renamed into place, so a concurrent
 * reader never sees half a file). A read-only or missing cache folder only costs recomputation.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";

/** The cached Float32 array at `file` when it holds exactly `length` values, else null. */
export function readFloat32Cache(file: string, length: number): Float32Array | null {
  try {
    const buf = readFileSync(file);
    if (buf.byteLength !== length * 4) return null;
    return new Float32Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength));
  } catch (err) {
    if (isFileSystemError(err)) return null; // absent or unreadable: recompute
    throw err;
  }
}

/** Writes `values` to `file` atomically; failures are swallowed (the cache is an optimisation). */
export function writeFloat32Cache(file: string, values: Float32Array): void {
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, new Uint8Array(values.buffer, values.byteOffset, values.byteLength));
    renameSync(tmp, file);
  } catch (err) {
    // A read-only or full cache dir only costs recomputation.
    if (!isFileSystemError(err)) throw err;
  }
}

function isFileSystemError(err: unknown): boolean {
  return err instanceof Error && typeof (err as NodeJS.ErrnoException).code === "string";
}
