"use client";
import { useState, type FormEvent } from "react";
import { MapCanvas } from "@/components/map/MapCanvas";
import { PointInspector } from "@/components/layers/PointInspector";

/** The home page: a map and the inspector for the picked point. */
export function Workspace() {
  const [point, setPoint] = useState<{ lat: number; lon: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const lat = Number(form.get("lat")), lon = Number(form.get("lon"));
    if (!Number.isFinite(lat) || lat < -90 || lat > 90) return setError("Latitude must be a number between −90 and 90.");
    if (!Number.isFinite(lon) || lon < -180 || lon > 180) return setError("Longitude must be a number between −180 and 180.");
    setError(null);
    setPoint({ lat, lon });
  };
  return (
    <main style={{ display: "flex", height: "100vh" }}>
      <MapCanvas onPick={setPoint} />
      <aside style={{ width: 520, overflow: "auto", padding: 16, borderLeft: "1px solid var(--border)" }}>
        <h1 style={{ fontSize: 20, margin: "0 0 8px" }}>Siting Atlas</h1>
        <form onSubmit={submit} style={{ display: "flex", gap: 8, alignItems: "end", marginBottom: 12 }}>
          <label>Latitude <input name="lat" inputMode="decimal" size={8} /></label>
          <label>Longitude <input name="lon" inputMode="decimal" size={8} /></label>
          <button type="submit">Inspect</button>
        </form>
        {error && <p role="alert" data-testid="form-error">{error}</p>}
        <PointInspector point={point} />
      </aside>
    </main>
  );
}
