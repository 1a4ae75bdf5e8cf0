/** The surface binary: encode → decode returns the same arrays and header; bad input is named. */
import { describe, expect, it } from "vitest";
import { bitAt, combinedExclusion, decodeSurface, encodeSurface, SurfaceFormatError, SURFACE_FORMAT_VERSION, type SurfaceEncodeInput } from "@/server/schemas/surfaceFormat";

function sample(): SurfaceEncodeInput {
  const ncols = 8, nrows = 4;
  const landMask = new Uint8Array(4);
  const land = [1, 2, 9, 10, 11, 20, 31];
  for (const c of land) landMask[c >> 3]! |= 1 << (c & 7);
  const n = land.length;
  const utilities = Uint8Array.from({ length: 2 * n }, (_, i) => (i === 3 ? 255 : (i * 37) % 255));
  const ex = new Uint8Array(1);
  ex[0] = 0b0100101;
  return {
    header: {
      key: "k",
      dataVersion: "0123456789abcdef",
      grid: { cellDeg: 45, ncols, nrows, west: -180, north: 90, order: "row-major-north-first", landCells: n },
      n,
      criteria: [
        { id: "a", source: "carbon.grid_intensity", title: "Carbon", unit: "g/kWh", kind: "layer", constrained: false, missingCells: 1, excludedCells: 0 },
        { id: "b", source: "metric.pue", title: "PUE", unit: "", kind: "metric", constrained: true, missingCells: 0, excludedCells: 3 },
      ],
      notes: ["cell centre"],
      computeMs: 5,
    },
    landMask,
    utilities,
    excludedBy: [null, ex],
  };
}

describe("surface binary", () => {
  it("round-trips header, land mask, utilities and constraint masks", () => {
    const input = sample();
    const bytes = encodeSurface(input);
    const d = decodeSurface(bytes.slice().buffer);
    expect(d.header.version).toBe(SURFACE_FORMAT_VERSION);
    expect(d.header.criteria.map((c) => [c.id, c.constrained])).toEqual([["a", false], ["b", true]]);
    expect(d.header.grid).toEqual(input.header.grid);
    expect(d.header.notes).toEqual(["cell centre"]);
    expect([...d.landMask]).toEqual([...input.landMask]);
    expect([...d.utilities]).toEqual([...input.utilities]);
    expect(d.excludedBy[0]).toBeNull();
    expect([...d.excludedBy[1]!]).toEqual([0b0100101]);
    expect([...combinedExclusion(input.header.n, d.excludedBy)]).toEqual([1, 0, 1, 0, 0, 1, 0]);
    expect(bitAt(d.landMask, 9)).toBe(true);
    expect(bitAt(d.landMask, 8)).toBe(false);
    // Sections are laid out back to back after the 8-byte aligned header.
    expect(bytes.length).toBe(Math.ceil((12 + new DataView(bytes.buffer).getUint32(8, true)) / 8) * 8 + 4 + 14 + 1);
  });

  it("decodes from a Uint8Array view into a larger buffer (no copy needed)", () => {
    const bytes = encodeSurface(sample());
    const big = new Uint8Array(bytes.length + 16);
    big.set(bytes, 16);
    expect([...decodeSurface(big.subarray(16)).utilities]).toEqual([...sample().utilities]);
  });

  it("rejects what is not a surface, another version, or a truncated binary", () => {
    const bytes = encodeSurface(sample());
    expect(() => decodeSurface(new Uint8Array(4))).toThrow(/too short/);
    const wrongMagic = bytes.slice();
    wrongMagic[0] = 0x58;
    expect(() => decodeSurface(wrongMagic)).toThrow(/not a surface binary/);
    const wrongVersion = bytes.slice();
    new DataView(wrongVersion.buffer).setUint32(4, 99, true);
    expect(() => decodeSurface(wrongVersion)).toThrow(/version 99/);
    expect(() => decodeSurface(bytes.slice(0, bytes.length - 2))).toThrow(SurfaceFormatError);
  });

  it("refuses to encode arrays that do not match the header", () => {
    const s = sample();
    expect(() => encodeSurface({ ...s, utilities: s.utilities.subarray(1) })).toThrow(/utilities has/);
    expect(() => encodeSurface({ ...s, excludedBy: [null] })).toThrow(/one per criterion/);
  });
});
