/** Reading the generated layer files described by the manifest (data/schema/manifest.ts). */
import { readFileSync } from "node:fs";
import path from "node:path";
import { Manifest, type ArrayFile, type JsonFile } from "@/data/schema/manifest";

export type TypedArray = Int16Array | Uint16Array | Uint8Array | Float32Array | Int32Array | Uint32Array;

const CTORS = { int16: Int16Array, uint16: Uint16Array, uint8: Uint8Array, float32: Float32Array, int32: Int32Array, uint32: Uint32Array } as const;

export function readManifest(dir: string): Manifest {
  const file = path.join(dir, "manifest.json");
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, "utf8"));
  } catch (err) {
    throw new Error(`Cannot read the layer manifest ${file}: ${(err as Error).message}. Run "npm run data:build".`);
  }
  return Manifest.parse(json);
}

export function readArrayFile(dir: string, f: ArrayFile): TypedArray {
  const buf = readFileSync(path.join(dir, f.path));
  const Ctor = CTORS[f.dtype];
  if (buf.byteLength !== f.length * Ctor.BYTES_PER_ELEMENT) {
    throw new Error(`${f.path}: ${buf.byteLength} bytes, the manifest says ${f.length} ${f.dtype} values`);
  }
  // Copy into an aligned buffer owned by the array (Buffer pools are not aligned for 16/32-bit views).
  return new Ctor(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength));
}

export function readJsonFile<T>(dir: string, f: JsonFile): T {
  return JSON.parse(readFileSync(path.join(dir, f.path), "utf8")) as T;
}

/** Decodes quantised values to float32 with NaN for nodata (value = stored × scale + offset). */
export function decodeToFloat(f: ArrayFile, stored: TypedArray): Float32Array {
  const out = new Float32Array(stored.length);
  for (let i = 0; i < stored.length; i++) {
    const q = stored[i]!;
    out[i] = q === f.nodata ? NaN : q * f.scale + f.offset;
  }
  return out;
}
