/**
 * Writes the pipeline's outputs deterministically: typed arrays as little-endian binary, JSON
 * with a fixed key order as produced, and records each file's SHA-256 for the manifest.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { ArrayFile, JsonFile } from "../../schema/manifest";
import { toPointTable, type TablePoint } from "../../lib/pointTable";

export type NumericArray = Int16Array | Uint16Array | Uint8Array | Float32Array | Int32Array | Uint32Array;

const DTYPE: Record<string, ArrayFile["dtype"]> = {
  Int16Array: "int16", Uint16Array: "uint16", Uint8Array: "uint8", Float32Array: "float32", Int32Array: "int32", Uint32Array: "uint32",
};

export function sha256(data: Uint8Array | string): string {
  return createHash("sha256").update(data).digest("hex");
}

export function sha256File(file: string): string {
  return sha256(readFileSync(file));
}

export class OutputWriter {
  constructor(readonly dir: string) {
    mkdirSync(dir, { recursive: true });
  }

  writeArray(relPath: string, array: NumericArray, opts: { scale?: number; offset?: number; nodata?: number | null } = {}): ArrayFile {
    // Typed arrays are little-endian on every platform Node supports; assert rather than assume.
    if (new Uint8Array(new Uint16Array([1]).buffer)[0] !== 1) throw new Error("big-endian platforms are not supported");
    const bytes = new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
    this.write(relPath, bytes);
    return {
      path: relPath,
      dtype: DTYPE[array.constructor.name]!,
      length: array.length,
      scale: opts.scale ?? 1,
      offset: opts.offset ?? 0,
      nodata: opts.nodata ?? null,
      sha256: sha256(bytes),
    };
  }

  writeJson(relPath: string, value: unknown, pretty = false): JsonFile {
    const text = JSON.stringify(value, null, pretty ? 1 : undefined) + "\n";
    this.write(relPath, text);
    return { path: relPath, sha256: sha256(text), bytes: Buffer.byteLength(text) };
  }

  /** Writes a point set as a point table (data/lib/pointTable.ts); fields in first-seen order. */
  writePointSet(relPath: string, points: readonly object[]): JsonFile {
    const fields: string[] = [];
    for (const p of points) for (const k of Object.keys(p)) if (!fields.includes(k)) fields.push(k);
    return this.writeJson(relPath, toPointTable(points as TablePoint[], fields));
  }

  private write(relPath: string, data: Uint8Array | string) {
    const file = path.join(this.dir, relPath);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, data);
  }
}

/**
 * Quantises values to int16 with value = stored × scale + offset; NaN → nodata (−32768).
 * Throws if a value does not fit, naming the layer, so a scale choice can never silently clip.
 */
export function quantizeInt16(values: Float32Array | Float64Array, scale: number, label: string, offset = 0): Int16Array {
  const out = new Int16Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (Number.isNaN(v)) { out[i] = -32768; continue; }
    const q = Math.round((v - offset) / scale);
    if (q < -32767 || q > 32767) throw new Error(`${label}: value ${v} at land cell ${i} does not fit int16 at scale ${scale}`);
    out[i] = q;
  }
  return out;
}

/** Rounds coordinates to `decimals` places (1e-4° ≈ 11 m) to keep geometry files compact. */
export function roundCoords<T>(coords: T, decimals = 4): T {
  const f = 10 ** decimals;
  const walk = (c: unknown): unknown => (Array.isArray(c) ? (typeof c[0] === "number" ? c.map((x: number) => Math.round(x * f) / f) : c.map(walk)) : c);
  return walk(coords) as T;
}
