"use client";
import { useState, type FormEvent } from "react";

/** Inspect a point by typing its coordinates (the keyboard path to the inspector). */
export function CoordinateForm({ onPick }: { onPick: (p: { lat: number; lon: number }) => void }) {
  const [error, setError] = useState<string | null>(null);
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const latText = String(form.get("lat") ?? "").trim(), lonText = String(form.get("lon") ?? "").trim();
    const lat = Number(latText), lon = Number(lonText);
    if (latText === "" || !Number.isFinite(lat) || lat < -90 || lat > 90) return setError("Latitude must be a number between −90 and 90.");
    if (lonText === "" || !Number.isFinite(lon) || lon < -180 || lon > 180) return setError("Longitude must be a number between −180 and 180.");
    setError(null);
    onPick({ lat, lon });
  };
  return (
    <form onSubmit={submit} className="coords" aria-label="Inspect coordinates">
      <label>Latitude <input name="lat" inputMode="decimal" size={7} /></label>
      <label>Longitude <input name="lon" inputMode="decimal" size={8} /></label>
      <button type="submit">Inspect</button>
      {error && <span role="alert" className="form-error" data-testid="form-error">{error}</span>}
    </form>
  );
}
