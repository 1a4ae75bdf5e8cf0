/**
 * The suitability-surface binary: one layout, encoded by the server (app/api/surface) and decoded by
 * the browser's surface worker. Pure TypeScript with no Node or DOM dependency (TextEncoder and
 * TextDecoder are in both), so the same module serves both ends and the round trip is unit-tested.
 *
 * Layout (all integers little-endian):
 *
 *   bytes 0–3    magic "SURF"
 *   bytes 4–7    uint32 format version (SURFACE_FORMAT_VERSION)
 *   bytes 8–11   uint32 H = byte length of the header JSON
 *   bytes 12…    header JSON (UTF-8, {@link SurfaceHeader}), then zero bytes up to a multiple of 8
 *   body         the sections listed in `header.sections`, at `offset` bytes from the body start:
 *     landMask     uint8 bitset over the full grid (ncols × nrows cells, row-major from the north-west,
 *                  bit i = byte i >> 3, LSB first; 1 = land cell). Land cells are numbered 0…n−1 in
 *                  that order, the numbering every per-cell array uses.
 *     utilities    uint8 [criteria × n], criterion-major: utilities[j·n + cell] = round(u × 254) for a
 *                  utility u in [0, 1]; 255 = missing (no value, or no utility for the category).
 *     excluded:<j> one per criterion with hard constraints: a bitset over the n land cells (same bit
 *                  order as landMask); 1 = the cell fails one of the criterion's constraints, or its
 *                  value is missing so the constraint cannot be checked (the scoring core's rule).
 *
 * Size: n = 257,309 land cells at 0.25°, so each criterion costs 257 kB, each constrained criterion
 * 32 kB more, plus the 130 kB land mask: 10 criteria ≈ 2.7 MB before compression.
 */

import { QUANT_MISSING, QUANT_SCALE } from "@/server/scoring/surfaceScore";

export const SURFACE_MAGIC = "SURF";
export const SURFACE_FORMAT_VERSION = 1;
/** MIME type of the binary. */
export const SURFACE_CONTENT_TYPE = "application/vnd.siting-atlas.surface";
/** Utilities are stored as round(u × QUANT_SCALE) (a step of 1/254, error ≤ 0.002), QUANT_MISSING for missing. */
export { QUANT_MISSING, QUANT_SCALE };

/** The analysis grid the land cells belong to (data/schema/manifest.ts `GridMeta`). */
export interface SurfaceGrid {
  cellDeg: number;
  ncols: number;
  nrows: number;
  /** Longitude of the western edge of column 0, degrees. */
  west: number;
  /** Latitude of the northern edge of row 0, degrees. */
  north: number;
  order: "row-major-north-first";
  landCells: number;
}

/** One criterion of the surface, in scenario order. */
export interface SurfaceCriterionMeta {
  id: string;
  /** Layer id or `metric.<id>`. */
  source: string;
  title: string;
  unit: string;
  kind: "layer" | "metric";
  /** Whether an `excluded:<j>` section exists for it. */
  constrained: boolean;
  /** Land cells with no utility for this criterion. */
  missingCells: number;
  /** Land cells failing its constraints (0 without constraints). */
  excludedCells: number;
}

export interface SurfaceSection {
  name: string;
  /** Bytes from the start of the body. */
  offset: number;
  length: number;
}

export interface SurfaceHeader {
  format: "siting-atlas/surface";
  version: number;
  /** Cache key: hash of the data version and everything the utilities depend on (not the weights). */
  key: string;
  /** The layer data build (manifest inputs hash, 16 hex digits). */
  dataVersion: string;
  grid: SurfaceGrid;
  /** Number of land cells (= grid.landCells). */
  n: number;
  criteria: SurfaceCriterionMeta[];
  quantisation: { scale: number; missing: number };
  sections: SurfaceSection[];
  /** What is approximated at cell level, for the legend and reports. */
  notes: string[];
  /** Server time the computation of these utilities took when it ran, ms (the cache keeps it). */
  computeMs: number;
}

/** What the encoder needs. */
export interface SurfaceEncodeInput {
  header: Omit<SurfaceHeader, "format" | "version" | "sections" | "quantisation">;
  landMask: Uint8Array;
  utilities: Uint8Array;
  /** Per criterion: its exclusion bitset, or null when it has no constraints. */
  excludedBy: readonly (Uint8Array | null)[];
}

/** A decoded surface (typed arrays are views into the received buffer: no copy). */
export interface DecodedSurface {
  header: SurfaceHeader;
  landMask: Uint8Array;
  utilities: Uint8Array;
  excludedBy: (Uint8Array | null)[];
}

export class SurfaceFormatError extends Error {}

const PREFIX_BYTES = 12;

function bitsetBytes(bits: number): number {
  return (bits + 7) >> 3;
}

/** Encodes a surface into the binary layout above. */
export function encodeSurface(input: SurfaceEncodeInput): Uint8Array {
  const { header: h, landMask, utilities, excludedBy } = input;
  const n = h.n;
  const k = h.criteria.length;
  if (utilities.length !== k * n) throw new SurfaceFormatError(`utilities has ${utilities.length} bytes, expected ${k} criteria × ${n} cells`);
  if (landMask.length !== bitsetBytes(h.grid.ncols * h.grid.nrows)) throw new SurfaceFormatError(`landMask has ${landMask.length} bytes, expected ${bitsetBytes(h.grid.ncols * h.grid.nrows)}`);
  if (excludedBy.length !== k) throw new SurfaceFormatError(`excludedBy has ${excludedBy.length} entries, expected one per criterion (${k})`);
  const sections: SurfaceSection[] = [];
  let offset = 0;
  const add = (name: string, length: number) => {
    sections.push({ name, offset, length });
    offset += length;
  };
  add("landMask", landMask.length);
  add("utilities", utilities.length);
  excludedBy.forEach((bits, j) => {
    if (!bits) return;
    if (bits.length !== bitsetBytes(n)) throw new SurfaceFormatError(`excludedBy[${j}] has ${bits.length} bytes, expected ${bitsetBytes(n)}`);
    add(`excluded:${j}`, bits.length);
  });
  const header: SurfaceHeader = {
    format: "siting-atlas/surface",
    version: SURFACE_FORMAT_VERSION,
    ...h,
    criteria: h.criteria.map((c, j) => ({ ...c, constrained: excludedBy[j] !== null })),
    quantisation: { scale: QUANT_SCALE, missing: QUANT_MISSING },
    sections,
  };
  const json = new TextEncoder().encode(JSON.stringify(header));
  const bodyStart = Math.ceil((PREFIX_BYTES + json.length) / 8) * 8;
  const out = new Uint8Array(bodyStart + offset);
  for (let i = 0; i < 4; i++) out[i] = SURFACE_MAGIC.charCodeAt(i);
  const view = new DataView(out.buffer);
  view.setUint32(4, SURFACE_FORMAT_VERSION, true);
  view.setUint32(8, json.length, true);
  out.set(json, PREFIX_BYTES);
  out.set(landMask, bodyStart + sections[0]!.offset);
  out.set(utilities, bodyStart + sections[1]!.offset);
  let s = 2;
  for (const bits of excludedBy) if (bits) out.set(bits, bodyStart + sections[s++]!.offset);
  return out;
}

/** Decodes the binary; throws a SurfaceFormatError naming what is wrong. */
export function decodeSurface(buffer: ArrayBuffer | Uint8Array): DecodedSurface {
  const bytes = buffer instanceof Uint8Array ? buffer : new Uint8Array(buffer);
  if (bytes.length < PREFIX_BYTES) throw new SurfaceFormatError(`surface binary too short (${bytes.length} bytes)`);
  const magic = String.fromCharCode(bytes[0]!, bytes[1]!, bytes[2]!, bytes[3]!);
  if (magic !== SURFACE_MAGIC) throw new SurfaceFormatError(`not a surface binary (magic "${magic}")`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint32(4, true);
  if (version !== SURFACE_FORMAT_VERSION) throw new SurfaceFormatError(`surface format version ${version}, this client reads ${SURFACE_FORMAT_VERSION}`);
  const headerLength = view.getUint32(8, true);
  if (PREFIX_BYTES + headerLength > bytes.length) throw new SurfaceFormatError("surface header runs past the end of the binary");
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(PREFIX_BYTES, PREFIX_BYTES + headerLength))) as SurfaceHeader;
  const bodyStart = Math.ceil((PREFIX_BYTES + headerLength) / 8) * 8;
  const section = (name: string): Uint8Array => {
    const s = header.sections.find((x) => x.name === name);
    if (!s) throw new SurfaceFormatError(`surface binary has no section "${name}"`);
    const start = bodyStart + s.offset;
    if (start + s.length > bytes.length) throw new SurfaceFormatError(`section "${name}" runs past the end of the binary`);
    return bytes.subarray(start, start + s.length);
  };
  const landMask = section("landMask");
  const utilities = section("utilities");
  if (utilities.length !== header.criteria.length * header.n) throw new SurfaceFormatError("utilities section does not match criteria × cells");
  const excludedBy = header.criteria.map((c, j) => (c.constrained ? section(`excluded:${j}`) : null));
  return { header, landMask, utilities, excludedBy };
}

/** Whether bit i of a bitset is set. */
export function bitAt(bits: Uint8Array, i: number): boolean {
  return (bits[i >> 3]! & (1 << (i & 7))) !== 0;
}

/** Per-cell 0/1 array: 1 when any criterion's constraints exclude the cell. */
export function combinedExclusion(n: number, excludedBy: readonly (Uint8Array | null)[]): Uint8Array {
  const out = new Uint8Array(n);
  for (const bits of excludedBy) {
    if (!bits) continue;
    for (let b = 0; b < bits.length; b++) {
      const byte = bits[b]!;
      if (byte === 0) continue;
      const base = b << 3;
      for (let k = 0; k < 8; k++) if (byte & (1 << k) && base + k < n) out[base + k] = 1;
    }
  }
  return out;
}
