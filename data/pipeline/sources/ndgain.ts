/**
 * ND-GAIN Country Index (University of Notre Dame Global Adaptation Initiative), wide CSVs with
 * columns "ISO3","Name","1995"…"2021" (SOURCES.md §10.3).
 *
 * Licence status: the publisher describes the index as "free and open source", but no licence text
 * granting redistribution was found (none ships with the raw copy, whose host repository has no
 * licence either, and SOURCES.md asks to verify the terms before bundling). Until a maintainer
 * confirms the terms and records them in the source registry, the build does not bundle ND-GAIN
 * values: `risk.climate_readiness` is listed as missing with that reason. Flip
 * `ND_GAIN_BUNDLING_CONFIRMED` (with a citation of the terms) to build the layer from this loader.
 */
import { readCsv } from "../lib/csv";

export const ND_GAIN_BUNDLING_CONFIRMED = false;

export interface NdGainValue { value: number; year: number }

/** The latest year with a value per country (ISO3) in one ND-GAIN file. */
export function loadNdGainLatest(file: string): Map<string, NdGainValue> {
  const rows = readCsv(file);
  const years = Object.keys(rows[0] ?? {}).filter((k) => /^\d{4}$/.test(k)).map(Number).sort((a, b) => b - a);
  if (!years.length) throw new Error(`${file}: no year columns`);
  const out = new Map<string, NdGainValue>();
  rows.forEach((r, i) => {
    const iso3 = r.ISO3 ?? "";
    if (!/^[A-Z]{3}$/.test(iso3)) throw new Error(`${file} row ${i + 2}: "${iso3}" is not an ISO3 code`);
    for (const y of years) {
      const cell = r[String(y)];
      if (cell === undefined || cell.trim() === "") continue;
      const v = Number(cell);
      if (!Number.isFinite(v)) throw new Error(`${file} row ${i + 2} ${y}: "${cell}" is not a number`);
      out.set(iso3, { value: v, year: y });
      break;
    }
  });
  return out;
}
