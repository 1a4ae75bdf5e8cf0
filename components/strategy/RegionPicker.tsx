"use client";
import type { Region, RegionOptions } from "./types";

/** Pick a country, a state or province, a group of countries, or draw a polygon on the map. */
export function RegionPicker({ options, region, drawing, drawnPoints, onChange, onDraw }: {
  options: RegionOptions; region: Region | null; drawing: boolean; drawnPoints: [number, number][];
  onChange: (r: Region) => void; onDraw: (on: boolean) => void;
}) {
  const kind = region?.kind ?? "country";
  return (
    <fieldset className="region-picker">
      <legend>Region</legend>
      <label>Kind
        <select value={drawing ? "polygon" : kind} onChange={(e) => {
          const k = e.target.value;
          onDraw(k === "polygon");
          if (k === "country") onChange({ kind: "country", key: options.countries[0]!.key });
          if (k === "subdivision") onChange({ kind: "subdivision", key: options.subdivisions[0]!.key });
          if (k === "group") onChange({ kind: "group", group: options.groups[0]!.id });
        }}>
          <option value="country">Country</option>
          <option value="subdivision">State or province (US, BR, CA, AU)</option>
          <option value="group">Group of countries</option>
          <option value="polygon">Drawn on the map</option>
        </select>
      </label>
      {!drawing && region?.kind === "country" && (
        <label>Country
          <select value={region.key} onChange={(e) => onChange({ kind: "country", key: e.target.value })} data-testid="region-country">
            {options.countries.map((c) => <option key={c.key} value={c.key}>{c.name}</option>)}
          </select>
        </label>
      )}
      {!drawing && region?.kind === "subdivision" && (
        <label>State or province
          <select value={region.key} onChange={(e) => onChange({ kind: "subdivision", key: e.target.value })}>
            {options.subdivisions.map((c) => <option key={c.key} value={c.key}>{c.name}</option>)}
          </select>
        </label>
      )}
      {!drawing && region?.kind === "group" && (
        <label>Group
          <select value={region.group} onChange={(e) => onChange({ kind: "group", group: e.target.value })}>
            {options.groups.map((g) => <option key={g.id} value={g.id}>{g.title}</option>)}
          </select>
        </label>
      )}
      {drawing && (
        <p className="hint">
          Click the map to add corners ({drawnPoints.length} so far).{" "}
          <button type="button" disabled={drawnPoints.length < 3} onClick={() => {
            onChange({ kind: "polygon", name: "Drawn area", geometry: { type: "Polygon", coordinates: [[...drawnPoints, drawnPoints[0]!]] } });
            onDraw(false);
          }}>Finish the polygon</button>
        </p>
      )}
      {!drawing && region?.kind === "polygon" && <p className="hint">A drawn polygon with {region.geometry.coordinates[0]!.length - 1} corners.</p>}
    </fieldset>
  );
}
