/**
 * Candidate-site import from CSV or GeoJSON. Every bad row is reported with its row number, field
 * and reason (missing coordinate, out of range, duplicate, unparseable number); every valid row is
 * kept exactly as given — nothing is silently dropped, rounded or renamed. A missing name gets a
 * generated one and a warning saying so.
 */
import { InputError } from "@/server/errors";
import { csvParseRows, dsvFormat } from "d3-dsv";
import { MAX_SITES, type Site } from "@/server/schemas/site";

/** Largest import accepted, in bytes of text (about 10,000 rows with a dozen override columns). */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

export interface ImportIssue {
  /** 1-based row in the file (CSV: header is row 1) or feature index + 1 (GeoJSON). */
  row: number;
  field: string | null;
  message: string;
}

export interface ImportResult {
  sites: Site[];
  errors: ImportIssue[];
  warnings: ImportIssue[];
  /** Rows read (valid + invalid), header excluded. */
  rowsRead: number;
}


const LAT_NAMES = ["lat", "latitude", "y"];
const LON_NAMES = ["lon", "lng", "long", "longitude", "x"];
const OVERRIDE_ID = /^[a-z]+\.[a-z0-9_]+$/;

function parseNumber(text: string): number | null | "bad" {
  const t = text.trim();
  if (t === "") return null;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t)) return "bad";
  return Number(t);
}

interface RawRow { row: number; id?: string; name?: string; lat: string | number | undefined; lon: string | number | undefined; overrides: Record<string, string | number> }

/** Validates raw rows into sites; shared by CSV and GeoJSON. */
function validateRows(rows: RawRow[]): ImportResult {
  const sites: Site[] = [];
  const errors: ImportIssue[] = [];
  const warnings: ImportIssue[] = [];
  const seenIds = new Map<string, number>();
  const seenPlaces = new Map<string, number>();
  for (const r of rows) {
    const rowErrors: ImportIssue[] = [];
    const coord = (value: string | number | undefined, field: "lat" | "lon", limit: number): number | null => {
      const n = typeof value === "number" ? value : value === undefined ? null : parseNumber(value);
      if (n === null) rowErrors.push({ row: r.row, field, message: `missing ${field === "lat" ? "latitude" : "longitude"}` });
      else if (n === "bad" || !Number.isFinite(n)) rowErrors.push({ row: r.row, field, message: `unparseable number "${value}"` });
      else if (Math.abs(n) > limit) rowErrors.push({ row: r.row, field, message: `${field === "lat" ? "latitude" : "longitude"} ${n} is out of range (−${limit} to ${limit})` });
      else return n;
      return null;
    };
    const lat = coord(r.lat, "lat", 90);
    const lon = coord(r.lon, "lon", 180);
    let name = (r.name ?? "").trim();
    if (name.length > 200) rowErrors.push({ row: r.row, field: "name", message: `name is ${name.length} characters; at most 200` });
    const id = (r.id ?? "").trim() || `row-${r.row}`;
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(id)) rowErrors.push({ row: r.row, field: "id", message: `id "${id}" must be 1–64 letters, digits, - or _` });
    const firstWithId = seenIds.get(id);
    if (firstWithId !== undefined) rowErrors.push({ row: r.row, field: "id", message: `duplicate id "${id}" (first used on row ${firstWithId})` });
    const overrides: Record<string, string | number> = {};
    for (const [key, raw] of Object.entries(r.overrides)) {
      if (raw === "" || raw === undefined) continue;
      if (typeof raw === "number") overrides[key] = raw;
      else {
        const n = parseNumber(raw);
        overrides[key] = n === "bad" || n === null ? raw.trim() : n;
      }
    }
    if (lat !== null && lon !== null) {
      const place = `${lat},${lon},${name.toLowerCase()}`;
      const first = seenPlaces.get(place);
      if (first !== undefined) rowErrors.push({ row: r.row, field: null, message: `duplicate of row ${first} (same name and coordinates)` });
      else seenPlaces.set(place, r.row);
    }
    if (rowErrors.length) {
      errors.push(...rowErrors);
      continue;
    }
    if (!name) {
      name = `Site ${r.row}`;
      warnings.push({ row: r.row, field: "name", message: `no name given: named "${name}"` });
    }
    seenIds.set(id, r.row);
    sites.push({ id, name, lat: lat!, lon: lon!, overrides, origin: "import" });
  }
  return { sites, errors, warnings, rowsRead: rows.length };
}

function refuseIfTooBig(text: string) {
  const bytes = Buffer.byteLength(text, "utf8");
  if (bytes > MAX_IMPORT_BYTES) throw new InputError("content", `file is ${(bytes / 2 ** 20).toFixed(1)} MB; imports are limited to ${MAX_IMPORT_BYTES / 2 ** 20} MB`);
}

function refuseIfTooMany(rows: number) {
  if (rows > MAX_SITES) throw new InputError("content", `file has ${rows.toLocaleString("en")} rows; a project holds at most ${MAX_SITES.toLocaleString("en")} sites (split the file)`);
}

/**
 * CSV with a header row: `name`, `lat`/`latitude`, `lon`/`lng`/`longitude` (any case), optional
 * `id`, and optional override columns named by a layer or metric id (e.g. `power.price_usd_per_mwh`).
 * Comma- or semicolon-separated.
 */
export function importCsv(text: string, knownIds: ReadonlySet<string>): ImportResult {
  refuseIfTooBig(text);
  const clean = text.replace(/^\uFEFF/, "");
  const firstLine = clean.slice(0, clean.search(/\r?\n|$/));
  const rows = firstLine.includes(";") && !firstLine.includes(",") ? dsvFormat(";").parseRows(clean) : csvParseRows(clean);
  const nonEmpty = rows.map((cells, i) => ({ cells, row: i + 1 })).filter((r) => r.cells.some((c) => c.trim() !== ""));
  const header = nonEmpty.shift();
  if (!header) throw new InputError("content", "the file is empty: expected a header row with name, lat and lon columns");
  const cols = header.cells.map((c) => c.trim());
  const lower = cols.map((c) => c.toLowerCase());
  const find = (names: string[]) => lower.findIndex((c) => names.includes(c));
  const latCol = find(LAT_NAMES), lonCol = find(LON_NAMES), nameCol = find(["name", "site", "site_name"]), idCol = find(["id", "site_id"]);
  if (latCol < 0 || lonCol < 0) {
    throw new InputError("content", `the header has no ${latCol < 0 ? "latitude" : "longitude"} column (expected one of ${(latCol < 0 ? LAT_NAMES : LON_NAMES).join(", ")}); found: ${cols.join(", ")}`);
  }
  refuseIfTooMany(nonEmpty.length);
  const overrideCols = cols.map((c, i) => ({ c, i })).filter(({ c, i }) => ![latCol, lonCol, nameCol, idCol].includes(i) && OVERRIDE_ID.test(c));
  const result = validateRows(nonEmpty.map(({ cells, row }) => ({
    row,
    id: idCol >= 0 ? cells[idCol] : undefined,
    name: nameCol >= 0 ? cells[nameCol] : undefined,
    lat: cells[latCol],
    lon: cells[lonCol],
    overrides: Object.fromEntries(overrideCols.map(({ c, i }) => [c, cells[i] ?? ""])),
  })));
  const ignored = cols.filter((c, i) => ![latCol, lonCol, nameCol, idCol].includes(i) && !OVERRIDE_ID.test(c));
  if (ignored.length) result.warnings.unshift({ row: 1, field: null, message: `columns not imported (not a layer or metric id): ${ignored.join(", ")}` });
  checkOverrideIds(result, overrideCols.map((o) => o.c), knownIds);
  return result;
}

/** GeoJSON FeatureCollection of Point features; properties `name`, `id`, and override ids. */
export function importGeoJson(text: string, knownIds: ReadonlySet<string>): ImportResult {
  refuseIfTooBig(text);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new InputError("content", `not valid JSON: ${(err as Error).message}`);
  }
  const fc = json as { type?: unknown; features?: unknown };
  if (fc?.type !== "FeatureCollection" || !Array.isArray(fc.features)) throw new InputError("content", 'expected a GeoJSON FeatureCollection ("type": "FeatureCollection" with a "features" array)');
  refuseIfTooMany(fc.features.length);
  const pre: ImportIssue[] = [];
  const rows: RawRow[] = [];
  const overrideKeys = new Set<string>();
  fc.features.forEach((f: unknown, i: number) => {
    const row = i + 1;
    const feature = f as { geometry?: { type?: unknown; coordinates?: unknown }; properties?: Record<string, unknown> | null };
    if (feature?.geometry?.type !== "Point" || !Array.isArray(feature.geometry.coordinates)) {
      pre.push({ row, field: "geometry", message: `feature ${row} is not a Point (got ${String(feature?.geometry?.type ?? "no geometry")})` });
      return;
    }
    const [lon, lat] = feature.geometry.coordinates as unknown[];
    const props = feature.properties ?? {};
    const overrides: Record<string, string | number> = {};
    for (const [k, v] of Object.entries(props)) {
      if (OVERRIDE_ID.test(k) && (typeof v === "number" || typeof v === "string")) {
        overrides[k] = v;
        overrideKeys.add(k);
      }
    }
    rows.push({
      row,
      id: props.id === undefined ? undefined : String(props.id),
      name: props.name === undefined ? undefined : String(props.name),
      lat: typeof lat === "number" || typeof lat === "string" ? lat : undefined,
      lon: typeof lon === "number" || typeof lon === "string" ? lon : undefined,
      overrides,
    });
  });
  const result = validateRows(rows);
  result.errors.unshift(...pre);
  result.rowsRead = fc.features.length;
  checkOverrideIds(result, [...overrideKeys], knownIds);
  return result;
}

/** Override columns must name a real layer or metric; otherwise every site is still kept, and the column is reported. */
function checkOverrideIds(result: ImportResult, ids: string[], knownIds: ReadonlySet<string>) {
  const unknown = ids.filter((id) => !knownIds.has(id));
  if (!unknown.length) return;
  for (const s of result.sites) for (const id of unknown) delete s.overrides[id];
  result.warnings.unshift({ row: 1, field: null, message: `override columns not imported (no such layer or metric): ${unknown.join(", ")}` });
}
