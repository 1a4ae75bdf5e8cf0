"use client";
import { useId, useState, type FormEvent } from "react";
import type { Region, RegionOptions } from "./types";

/** Corners typed as coordinates: the keyboard way to draw a polygon (the map takes clicks). */
function CornerForm({ onAdd, onUndo, count }: { onAdd: (p: [number, number]) => void; onUndo: () => void; count: number }) {
  const id = useId();
  const [lat, setLat] = useState("");
  const [lon, setLon] = useState("");
  const [error, setError] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const a = Number(lat), o = Number(lon);
    if (lat.trim() === "" || !Number.isFinite(a) || a < -90 || a > 90) return setError("Latitude must be a number from −90 to 90.");
    if (lon.trim() === "" || !Number.isFinite(o) || o < -180 || o > 180) return setError("Longitude must be a number from −180 to 180.");
    setError(null);
    onAdd([o, a]);
    setLat("");
    setLon("");
  };
  return (
    <form onSubmit={submit} aria-label="Add a corner by coordinates">
      <label className="num" htmlFor={`${id}-lat`}>Corner latitude<input id={`${id}-lat`} inputMode="decimal" value={lat} onChange={(e) => setLat(e.target.value)} /></label>
      <label className="num" htmlFor={`${id}-lon`}>Corner longitude<input id={`${id}-lon`} inputMode="decimal" value={lon} onChange={(e) => setLon(e.target.value)} /></label>
      <button type="submit">Add corner</button>{" "}
      <button type="button" disabled={!count} onClick={onUndo}>Remove last corner</button>
      {error && <p role="alert">{error}</p>}
    </form>
  );
}

/** Pick a country, a state or province, a group of countries, or draw a polygon on the map (or type its corners). */
export function RegionPicker({ options, region, drawing, drawnPoints, onChange, onDraw, onDrawnPointsChange }: {
  options: RegionOptions; region: Region | null; drawing: boolean; drawnPoints: [number, number][];
  onChange: (r: Region) => void; onDraw: (on: boolean) => void; onDrawnPointsChange: (points: [number, number][]) => void;
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
        <div className="hint">
          <p aria-live="polite">Click the map to add corners, or type them below ({drawnPoints.length} so far).</p>
          <CornerForm count={drawnPoints.length} onAdd={(p) => onDrawnPointsChange([...drawnPoints, p])} onUndo={() => onDrawnPointsChange(drawnPoints.slice(0, -1))} />
          <button type="button" disabled={drawnPoints.length < 3} onClick={() => {
            onChange({ kind: "polygon", name: "Drawn area", geometry: { type: "Polygon", coordinates: [[...drawnPoints, drawnPoints[0]!]] } });
            onDraw(false);
          }}>Finish the polygon</button>
        </div>
      )}
      {!drawing && region?.kind === "polygon" && <p className="hint">A drawn polygon with {region.geometry.coordinates[0]!.length - 1} corners.</p>}
    </fieldset>
  );
}
