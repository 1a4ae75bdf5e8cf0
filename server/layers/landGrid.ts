/**
 * The analysis grid as the manifest describes it, with O(1) lookup from a coordinate to its cell and
 * land-cell number, and bilinear sampling of per-land-cell values that never blends land with
 * non-land (missing neighbours are dropped and the remaining weights renormalised).
 */
import type { GridMeta } from "@/data/schema/manifest";

export class LandGrid {
  readonly cellDeg: number;
  readonly ncols: number;
  readonly nrows: number;
  readonly west: number;
  readonly north: number;
  /** Land-cell number per full-grid cell, −1 where not land. */
  readonly landIndexOfCell: Int32Array;
  /** Full-grid cell of each land cell. */
  readonly cellOfLand: Int32Array;

  constructor(meta: GridMeta, maskBits: Uint8Array) {
    this.cellDeg = meta.cellDeg;
    this.ncols = meta.ncols;
    this.nrows = meta.nrows;
    this.west = meta.west;
    this.north = meta.north;
    const n = meta.ncols * meta.nrows;
    this.landIndexOfCell = new Int32Array(n).fill(-1);
    this.cellOfLand = new Int32Array(meta.landCells);
    let li = 0;
    for (let cell = 0; cell < n; cell++) {
      if (maskBits[cell >> 3]! & (1 << (cell & 7))) {
        this.landIndexOfCell[cell] = li;
        this.cellOfLand[li++] = cell;
      }
    }
    if (li !== meta.landCells) throw new Error(`land mask has ${li} cells, the manifest says ${meta.landCells}`);
  }

  get landCells(): number {
    return this.cellOfLand.length;
  }

  /** Full-grid cell containing (lat, lon). */
  cellAt(lat: number, lon: number): number {
    const row = Math.min(this.nrows - 1, Math.max(0, Math.floor((this.north - lat) / this.cellDeg)));
    const col = ((Math.floor((lon - this.west) / this.cellDeg) % this.ncols) + this.ncols) % this.ncols;
    return row * this.ncols + col;
  }

  /** Land-cell number containing (lat, lon), or −1. */
  landIndexAt(lat: number, lon: number): number {
    return this.landIndexOfCell[this.cellAt(lat, lon)]!;
  }

  centreOfLand(li: number): { lat: number; lon: number } {
    const cell = this.cellOfLand[li]!;
    const row = Math.floor(cell / this.ncols);
    const col = cell - row * this.ncols;
    return { lat: this.north - (row + 0.5) * this.cellDeg, lon: this.west + (col + 0.5) * this.cellDeg };
  }

  /**
   * Bilinear interpolation of per-land-cell `values` (NaN = no value) between the four cell centres
   * around (lat, lon). Returns NaN when none of the four is a land cell with a value.
   */
  bilinear(values: Float32Array, lat: number, lon: number): number {
    const fx = (lon - this.west) / this.cellDeg - 0.5;
    const fy = (this.north - lat) / this.cellDeg - 0.5;
    const c0 = Math.floor(fx), r0 = Math.floor(fy);
    const tx = fx - c0, ty = fy - r0;
    let sum = 0, wsum = 0;
    for (let k = 0; k < 4; k++) {
      const r = r0 + (k >> 1);
      if (r < 0 || r >= this.nrows) continue;
      const c = (((c0 + (k & 1)) % this.ncols) + this.ncols) % this.ncols;
      const li = this.landIndexOfCell[r * this.ncols + c]!;
      if (li < 0) continue;
      const v = values[li]!;
      if (v !== v) continue; // NaN
      const w = (k & 1 ? tx : 1 - tx) * (k >> 1 ? ty : 1 - ty);
      sum += v * w;
      wsum += w;
    }
    if (wsum > 0) return sum / wsum;
    // Exactly on a centre line with zero weight on the valid neighbours: fall back to the containing cell.
    const li = this.landIndexAt(lat, lon);
    return li >= 0 ? values[li]! : NaN;
  }

  /**
   * Value of the land cell containing (lat, lon); when that cell is not land or has no value, the
   * nearest of its eight neighbours that has one (coastal points). NaN when there is none.
   */
  nearest(values: Float32Array, lat: number, lon: number): number {
    const li = this.landIndexAt(lat, lon);
    if (li >= 0 && values[li] === values[li]) return values[li]!;
    const row0 = Math.floor((this.north - lat) / this.cellDeg);
    const col0 = Math.floor((lon - this.west) / this.cellDeg);
    let best = NaN, bestD = Infinity;
    for (let dr = -1; dr <= 1; dr++) for (let dc = -1; dc <= 1; dc++) {
      const r = row0 + dr;
      if ((dr === 0 && dc === 0) || r < 0 || r >= this.nrows) continue;
      const c = (((col0 + dc) % this.ncols) + this.ncols) % this.ncols;
      const n = this.landIndexOfCell[r * this.ncols + c]!;
      if (n < 0 || values[n] !== values[n]) continue;
      const dy = this.north - (r + 0.5) * this.cellDeg - lat;
      const dx = (this.west + (col0 + dc + 0.5) * this.cellDeg - lon) * Math.cos((lat * Math.PI) / 180);
      const d = dx * dx + dy * dy;
      if (d < bestD) { bestD = d; best = values[n]!; }
    }
    return best;
  }
}
