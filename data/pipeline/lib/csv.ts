import { readFileSync } from "node:fs";
import { csvParse } from "d3-dsv";

/** Parses a CSV file with a header row into records of strings (RFC 4180 quoting, via d3-dsv). */
export function readCsv(path: string): Record<string, string>[] {
  return csvParse(readFileSync(path, "utf8").replace(/^\uFEFF/, "")) as unknown as Record<string, string>[];
}

/** A number from a CSV cell, or null when blank. Throws naming the file, row and column when unparseable. */
export function parseNumberCell(value: string | undefined, where: string): number | null {
  if (value === undefined || value.trim() === "") return null;
  const n = Number(value);
  if (!Number.isFinite(n)) throw new Error(`${where}: "${value}" is not a number`);
  return n;
}
