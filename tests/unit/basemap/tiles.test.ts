/**
 * The base-map tile cutter (data/pipeline/basemap): synthetic features land in the tile and at the
 * tile coordinates they should, zoom thresholds hold, place merging drops duplicates, approximate
 * admin-1 lines run between subdivisions only — and the committed archive holds, at the tiles of
 * Ashburn and Luleå, the boundaries, towns, rivers and plants a planner orients by there.
 */
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { VectorTile } from "@mapbox/vector-tile";
import { PbfReader } from "pbf";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import type { Feature, Geometry } from "geojson";
import { approximateAdmin1Features } from "@/data/pipeline/basemap/approxAdmin1";
import { admin1LabelFeatures, placeClass, type Admin1LabelPoint, type BasemapFeature } from "@/data/pipeline/basemap/features";
import { ringsAsLines } from "@/data/pipeline/basemap/index";
import { mergePlaces } from "@/data/pipeline/basemap/places";
import { cutTiles, TILE_EXTENT, tileOf } from "@/data/pipeline/basemap/tiles";
import { readManifest } from "@/server/layers/files";

const LAYERS_DIR = path.resolve(__dirname, "../../../data/layers");

function decode(pbf: Uint8Array) {
  return new VectorTile(new PbfReader(pbf));
}

function feature(geometry: Geometry, properties: Record<string, string | number | boolean>, minzoom = 0): BasemapFeature {
  return { minzoom, feature: { type: "Feature", geometry, properties } as Feature<Geometry, Record<string, string | number | boolean>> };
}

describe("cutTiles", () => {
  const ashburn = feature({ type: "Point", coordinates: [-77.49, 39.04] }, { name: "Ashburn", size: 1 }, 6);
  const potomac = feature({ type: "LineString", coordinates: [[-77.8, 39.3], [-77.5, 39.1], [-77.1, 38.9]] }, { name: "Potomac" });

  it("puts a point in the tile that contains it, at its position inside the tile", () => {
    const tiles = cutTiles({ places: [ashburn] }, 7, 7);
    const { x, y } = tileOf(-77.49, 39.04, 7);
    expect(tiles.map((t) => `${t.z}/${t.x}/${t.y}`)).toEqual([`7/${x}/${y}`]);
    const layer = decode(tiles[0]!.pbf).layers.places!;
    expect(layer.length).toBe(1);
    const f = layer.feature(0);
    expect(f.properties.name).toBe("Ashburn");
    // Back to longitude: tile x + local x / extent, in world tile units.
    const [pt] = f.loadGeometry()[0]!;
    const lon = ((x + pt!.x / TILE_EXTENT) / 2 ** 7) * 360 - 180;
    expect(lon).toBeCloseTo(-77.49, 2);
  });

  it("leaves a feature out of the zooms below its minzoom", () => {
    const tiles = cutTiles({ places: [ashburn], rivers: [potomac] }, 5, 7);
    const at = (z: number) => tiles.filter((t) => t.z === z).flatMap((t) => Object.keys(decode(t.pbf).layers));
    expect(at(5)).toEqual(["rivers"]);
    expect(new Set(at(7))).toEqual(new Set(["rivers", "places"]));
  });

  it("clips a line into every tile it crosses and nowhere else", () => {
    const tiles = cutTiles({ rivers: [potomac] }, 7, 7);
    const expected = new Set([[-77.8, 39.3], [-77.5, 39.1], [-77.1, 38.9]].map(([lon, lat]) => { const t = tileOf(lon!, lat!, 7); return `${t.x}/${t.y}`; }));
    for (const k of expected) expect(tiles.map((t) => `${t.x}/${t.y}`)).toContain(k);
    expect(tiles.length).toBeLessThanOrEqual(expected.size + 2);
  });

  it("draws polygon rings as lines, so a tile inside a state carries no boundary", () => {
    const square = { type: "Polygon" as const, coordinates: [[[-80, 35], [-70, 35], [-70, 42], [-80, 42], [-80, 35]]] };
    const tiles = cutTiles({ admin1: [feature(ringsAsLines(square)!, { name: "Square" })] }, 7, 7);
    const inside = tileOf(-75, 38.5, 7);
    expect(tiles.some((t) => t.x === inside.x && t.y === inside.y)).toBe(false);
    const edge = tileOf(-80, 38.5, 7);
    expect(tiles.some((t) => t.x === edge.x && t.y === edge.y)).toBe(true);
  });
});

describe("places", () => {
  const city = (id: string, name: string, population: number, lat: number, lon: number) => ({ id, name, country: "US", population, lat, lon });
  it("merges a Natural Earth place into the GeoNames city it names or sits on, keeping the larger population", () => {
    const merged = mergePlaces(
      [city("4140963", "Washington", 689_545, 38.895, -77.036), city("4769125", "Leesburg", 51_209, 39.1157, -77.5636)],
      [
        { geonameid: "4140963", name: "Washington, D.C.", population: 4_338_000, lat: 38.9, lon: -77.01, capital: true, country: "US" },
        { geonameid: null, name: "Leesburg", population: 48_000, lat: 39.12, lon: -77.56, capital: false, country: "US" },
        { geonameid: null, name: "Purcellville", population: 8_000, lat: 39.137, lon: -77.715, capital: false, country: "US" },
      ],
    );
    expect(merged.map((p) => p.name).sort()).toEqual(["Leesburg", "Purcellville", "Washington"]);
    const dc = merged.find((p) => p.name === "Washington")!;
    expect(dc).toMatchObject({ population: 4_338_000, capital: true, source: "both" });
    expect(merged.find((p) => p.name === "Leesburg")!.population).toBe(51_209);
    expect(merged.find((p) => p.name === "Purcellville")!.source).toBe("natural-earth");
  });

  it("sizes places by population class", () => {
    expect(placeClass(2_000_000).size).toBe(4);
    expect(placeClass(51_209).size).toBe(1);
    expect(placeClass(15_000).minzoom).toBeGreaterThan(placeClass(500_000).minzoom);
  });
});

describe("admin-1 names and approximate boundaries", () => {
  const pt = (code: string, name: string, lon: number, lat: number, partRank = 1): Admin1LabelPoint => ({ code, name, country: "XX", lon, lat, scalerank: 3, partRank });
  const country = { type: "Polygon" as const, coordinates: [[[0, 0], [10, 0], [10, 5], [0, 5], [0, 0]]] };
  const countries = { features: [{ key: "XXX", name: "X", geometry: country, props: { iso2: "XX" } }] };

  it("labels each subdivision once, on its main part", () => {
    const labels = admin1LabelFeatures([pt("A", "West", 2, 2.5), pt("A", "West", 4.5, 0.5, 3), pt("B", "East", 8, 2.5)]);
    expect(labels.map((l) => [l.feature.properties.name, (l.feature.geometry as { coordinates: number[] }).coordinates])).toEqual([["West", [2, 2.5]], ["East", [8, 2.5]]]);
  });

  it("draws the line halfway between two subdivisions, and no line along the outline or inside one", () => {
    const [f] = approximateAdmin1Features([pt("A", "West", 2, 2.5), pt("A", "West", 3, 1), pt("B", "East", 8, 2.5)], countries, new Set());
    expect(f!.feature.properties.approximate).toBe(true);
    const segments = (f!.feature.geometry as { coordinates: number[][][] }).coordinates;
    expect(segments.length).toBeGreaterThan(0);
    // Every boundary point is equidistant on the ground (longitude scaled by the cosine of the
    // country's middle latitude) from the nearest West point and East's point, inside the country.
    const k = Math.cos((2.5 * Math.PI) / 180);
    const d = (lon: number, lat: number, lon0: number, lat0: number) => Math.hypot((lon - lon0) * k, lat - lat0);
    for (const [lon, lat] of segments.flat()) {
      expect(lat!).toBeGreaterThanOrEqual(-1e-6);
      expect(lat!).toBeLessThanOrEqual(5 + 1e-6);
      const dEast = d(lon!, lat!, 8, 2.5);
      const dWest = Math.min(d(lon!, lat!, 2, 2.5), d(lon!, lat!, 3, 1));
      expect(Math.abs(dEast - dWest)).toBeLessThan(1e-3);
    }
  });

  it("leaves countries with exact polygons to those", () => {
    expect(approximateAdmin1Features([pt("A", "West", 2, 2.5), pt("B", "East", 8, 2.5)], countries, new Set(["XX"]))).toEqual([]);
  });
});

describe("the committed base-map archive", () => {
  const manifest = readManifest(LAYERS_DIR);
  const meta = manifest.basemap!;
  const db = new Database(path.join(LAYERS_DIR, meta.path), { readonly: true });
  const tileAt = (lon: number, lat: number, z: number) => {
    const { x, y } = tileOf(lon, lat, z);
    const row = db.prepare("SELECT tile_data FROM tiles WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?").get(z, x, 2 ** z - 1 - y) as { tile_data: Buffer } | undefined;
    if (!row) throw new Error(`no tile ${z}/${x}/${y}`);
    return decode(gunzipSync(row.tile_data));
  };
  const values = (tile: VectorTile, layer: string, prop: string) => {
    const l = tile.layers[layer];
    return l ? Array.from({ length: l.length }, (_, i) => l.feature(i).properties[prop]) : [];
  };

  it("is recorded in the manifest within the size budget, cited to its sources", () => {
    expect(meta.bytes).toBeLessThan(8 * 2 ** 20);
    expect(meta.maxzoom).toBe(7);
    for (const s of meta.sources) expect(manifest.sources.map((x) => x.id)).toContain(s);
    const stored = db.prepare("SELECT value FROM metadata WHERE name = 'format'").get() as { value: string };
    expect(stored.value).toBe("pbf");
  });

  it("has, at Ashburn's z7 tile, Virginia's boundary, Loudoun towns, the Potomac and power plants", () => {
    const tile = tileAt(-77.49, 39.04, 7);
    expect(values(tile, "admin1", "name")).toEqual(expect.arrayContaining(["Virginia", "Maryland"]));
    expect(values(tile, "places", "name")).toEqual(expect.arrayContaining(["Ashburn", "Leesburg", "Sterling"]));
    expect(values(tile, "rivers", "name")).toContain("Potomac");
    expect(values(tile, "plants", "name").length).toBeGreaterThan(10);
  });

  it("has, at Luleå's z7 tile, Luleå, the Lule river, Norrbotten's name nearby and approximate admin-1 lines", () => {
    const tile = tileAt(22.15, 65.58, 7);
    expect(values(tile, "places", "name")).toContain("Luleå");
    expect(values(tile, "rivers", "name")).toContain("Lule lv");
    expect(values(tile, "plants", "name").length).toBeGreaterThan(0);
    const around = [[19.8, 66.8], [22.15, 65.58]].flatMap(([lon, lat]) => values(tileAt(lon!, lat!, 6), "admin1_labels", "name"));
    expect(around).toContain("Norrbotten");
    expect(values(tileAt(20, 65, 6), "admin1", "approximate")).toContain(true);
  });
});
