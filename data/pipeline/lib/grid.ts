/**
 * The common analysis grid (DESIGN.md §4): 0.25° cells aligned to whole degrees, row 0 the
 * northernmost, columns from −180° eastwards. Cell (row, col) spans
 * lat [90 − 0.25(row+1), 90 − 0.25·row] and lon [−180 + 0.25·col, −180 + 0.25(col+1)].
 */
export interface GridSpec {
  cellDeg: number;
  ncols: number;
  nrows: number;
  west: number;
  north: number;
}

export const ANALYSIS_GRID: GridSpec = { cellDeg: 0.25, ncols: 1440, nrows: 720, west: -180, north: 90 };

export function cellCentreLat(grid: GridSpec, row: number): number {
  return grid.north - (row + 0.5) * grid.cellDeg;
}

export function cellCentreLon(grid: GridSpec, col: number): number {
  return grid.west + (col + 0.5) * grid.cellDeg;
}

/** The land cells of a grid: a bitset over all cells and the row-major list of land cell indices. */
export interface LandCells {
  grid: GridSpec;
  /** Full-grid cell index of each land cell, ascending (row-major). */
  cellIndex: Int32Array;
  /** Land-cell number for each full-grid cell, −1 for non-land. */
  landIndexOfCell: Int32Array;
  /** Land fraction per land cell in sixteenths (1..16). */
  sixteenths: Uint8Array;
}

export function landCellsFromCoverage(grid: GridSpec, coverage: Uint8Array): LandCells {
  const n = grid.ncols * grid.nrows;
  const landIndexOfCell = new Int32Array(n).fill(-1);
  let count = 0;
  for (let i = 0; i < n; i++) if (coverage[i]! > 0) landIndexOfCell[i] = count++;
  const cellIndex = new Int32Array(count);
  const sixteenths = new Uint8Array(count);
  for (let i = 0; i < n; i++) {
    const li = landIndexOfCell[i]!;
    if (li >= 0) {
      cellIndex[li] = i;
      sixteenths[li] = coverage[i]!;
    }
  }
  return { grid, cellIndex, landIndexOfCell, sixteenths };
}

/** Calls `fn(landIndex, lat, lon)` for the centre of every land cell. */
export function forEachLandCell(land: LandCells, fn: (li: number, lat: number, lon: number) => void): void {
  const { grid } = land;
  for (let li = 0; li < land.cellIndex.length; li++) {
    const cell = land.cellIndex[li]!;
    const row = Math.floor(cell / grid.ncols);
    const col = cell - row * grid.ncols;
    fn(li, cellCentreLat(grid, row), cellCentreLon(grid, col));
  }
}

/** Bitset of land cells, LSB-first within each byte. */
export function landMaskBits(land: LandCells): Uint8Array {
  const n = land.grid.ncols * land.grid.nrows;
  const bits = new Uint8Array(Math.ceil(n / 8));
  for (const cell of land.cellIndex) bits[cell >> 3]! |= 1 << (cell & 7);
  return bits;
}
