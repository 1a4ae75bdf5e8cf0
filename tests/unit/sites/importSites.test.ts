import { describe, expect, it } from "vitest";
import { InputError } from "@/server/errors";
import { importCsv, importGeoJson, MAX_IMPORT_BYTES } from "@/server/sites/importSites";

const KNOWN = new Set(["power.price_usd_per_mwh", "carbon.grid_intensity"]);

describe("CSV import", () => {
  it("keeps every valid row exactly and reports each bad row with its reason", () => {
    const csv = [
      "name,lat,lon,power.price_usd_per_mwh",
      "Luleå,65.58,22.15,38",
      "No latitude,,10",
      "Too far north,95,10",
      "Bad number,5x,10",
      "Luleå,65.58,22.15,38",
      "Dublin,53.35,-6.26,",
    ].join("\n");
    const r = importCsv(csv, KNOWN);
    expect(r.rowsRead).toBe(6);
    expect(r.sites.map((s) => s.name)).toEqual(["Luleå", "Dublin"]);
    expect(r.sites[0]).toMatchObject({ lat: 65.58, lon: 22.15, overrides: { "power.price_usd_per_mwh": 38 }, origin: "import" });
    expect(r.sites[1]!.overrides).toEqual({});
    expect(r.errors).toEqual([
      { row: 3, field: "lat", message: "missing latitude" },
      { row: 4, field: "lat", message: "latitude 95 is out of range (−90 to 90)" },
      { row: 5, field: "lat", message: 'unparseable number "5x"' },
      { row: 6, field: null, message: "duplicate of row 2 (same name and coordinates)" },
    ]);
  });

  it("accepts latitude/longitude/lng headers in any case, semicolons and a BOM", () => {
    const r = importCsv("\uFEFFSite;Latitude;LNG\nA;1.5;2.5\n", KNOWN);
    expect(r.sites).toEqual([{ id: "row-2", name: "A", lat: 1.5, lon: 2.5, overrides: {}, origin: "import" }]);
  });

  it("names unnamed sites and says so, never silently", () => {
    const r = importCsv("lat,lon\n10,20\n", KNOWN);
    expect(r.sites[0]!.name).toBe("Site 2");
    expect(r.warnings).toContainEqual({ row: 2, field: "name", message: 'no name given: named "Site 2"' });
  });

  it("reports columns it does not import", () => {
    const r = importCsv("name,lat,lon,notes,risk.volcano\nA,1,2,hello,3\n", KNOWN);
    expect(r.sites).toHaveLength(1);
    expect(r.warnings.map((w) => w.message).join(" ")).toMatch(/notes/);
    expect(r.warnings.map((w) => w.message).join(" ")).toMatch(/risk\.volcano/);
  });

  it("rejects duplicate ids", () => {
    const r = importCsv("id,name,lat,lon\nx,A,1,2\nx,B,3,4\n", KNOWN);
    expect(r.errors).toEqual([{ row: 3, field: "id", message: 'duplicate id "x" (first used on row 2)' }]);
  });

  it("refuses a file with no coordinate columns, too many rows, or too many bytes", () => {
    expect(() => importCsv("name,x1,y1\nA,1,2", KNOWN)).toThrow(InputError);
    expect(() => importCsv("name,x1,y1\nA,1,2", KNOWN)).toThrow(/no latitude column/);
    const many = ["name,lat,lon", ...Array.from({ length: 10_001 }, (_, i) => `s${i},1,${(i % 300) / 10}`)].join("\n");
    expect(() => importCsv(many, KNOWN)).toThrow(/10,001 rows; a project holds at most 10,000/);
    expect(() => importCsv("name,lat,lon\n" + "x".repeat(MAX_IMPORT_BYTES), KNOWN)).toThrow(/limited to 5 MB/);
  });

  it("imports exactly 10,000 rows", () => {
    const rows = ["name,lat,lon", ...Array.from({ length: 10_000 }, (_, i) => `s${i},${(i % 170) - 85},${(i % 359) - 179}`)].join("\n");
    const r = importCsv(rows, KNOWN);
    expect(r.sites).toHaveLength(10_000);
    expect(r.errors).toEqual([]);
  });
});

describe("GeoJSON import", () => {
  it("imports Point features with name, id and overrides; reports other geometries by feature number", () => {
    const fc = {
      type: "FeatureCollection",
      features: [
        { type: "Feature", properties: { name: "Oslo", id: "osl", "carbon.grid_intensity": 20 }, geometry: { type: "Point", coordinates: [10.75, 59.91] } },
        { type: "Feature", properties: { name: "Line" }, geometry: { type: "LineString", coordinates: [[0, 0], [1, 1]] } },
        { type: "Feature", properties: { name: "Off" }, geometry: { type: "Point", coordinates: [200, 0] } },
      ],
    };
    const r = importGeoJson(JSON.stringify(fc), KNOWN);
    expect(r.sites).toEqual([{ id: "osl", name: "Oslo", lat: 59.91, lon: 10.75, overrides: { "carbon.grid_intensity": 20 }, origin: "import" }]);
    expect(r.errors.map((e) => `${e.row}:${e.field}`)).toEqual(["2:geometry", "3:lon"]);
  });

  it("refuses non-JSON and non-FeatureCollections with a clear message", () => {
    expect(() => importGeoJson("{", KNOWN)).toThrow(/not valid JSON/);
    expect(() => importGeoJson('{"type":"Feature"}', KNOWN)).toThrow(/FeatureCollection/);
  });
});
