"use client";
import { useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useTRPCClient } from "@/components/trpc/client";
import type { Scenario } from "@/server/schemas/scenario";
import type { Site } from "@/server/schemas/site";
import type { Bounds } from "./bounds";

type BestLocationsRequest = Parameters<ReturnType<typeof useTRPCClient>["surface"]["bestLocations"]["query"]>[0];

interface CountryOption { key: string; name: string }

async function fetchCountries(): Promise<CountryOption[]> {
  const res = await fetch("/api/geo/country-labels");
  if (!res.ok) throw new Error(`countries: HTTP ${res.status}`);
  const fc = (await res.json()) as { features: { properties: { key: string; name: string } }[] };
  return fc.features.map((f) => ({ key: f.properties.key, name: f.properties.name })).sort((a, b) => a.name.localeCompare(b.name, "en"));
}

/** Site ids must be 1–64 of [A-Za-z0-9_-]: a per-click stamp keeps repeated searches distinct. */
function siteId(stamp: string, rank: number): string {
  return `best-${stamp}-${rank}`;
}

/**
 * "Find best locations": the top N land cells of the scenario's suitability surface inside the map
 * view or a chosen country, at least a given distance apart (never a constrained-out cell), added as
 * candidate sites (origin "best-locations") in one click through `onAdd`.
 */
export function BestLocations({ scenario, view, onAdd }: { scenario: Scenario | null; view: Bounds | null; onAdd: (sites: Site[]) => void }) {
  const client = useTRPCClient();
  const ids = useId();
  const [where, setWhere] = useState<"view" | "country">("view");
  const [country, setCountry] = useState("");
  const [count, setCount] = useState(10);
  const [minKm, setMinKm] = useState(100);
  const [buildable, setBuildable] = useState(true);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: "ok" | "error"; text: string } | null>(null);
  const countries = useQuery({ queryKey: ["surface", "country-labels"], queryFn: fetchCountries, staleTime: Infinity, enabled: where === "country" });

  const region: BestLocationsRequest["region"] | null = where === "view" ? (view ? { kind: "bbox", ...view } : null) : country ? { kind: "country", country } : null;
  const ready = scenario !== null && region !== null && !busy;

  async function find() {
    if (!scenario || !region) return;
    setBusy(true);
    setMessage(null);
    try {
      const res = await client.surface.bestLocations.query({ scenario, region, count, minDistanceKm: minKm, plausibility: { enabled: buildable } });
      const stamp = Date.now().toString(36);
      const sites: Site[] = res.locations.map((l) => ({
        id: siteId(stamp, l.rank),
        name: `Best #${l.rank} · ${l.country?.name ?? "no country"} (${l.lat.toFixed(2)}, ${l.lon.toFixed(2)}) · ${l.score.toFixed(1)}`,
        lat: l.lat,
        lon: l.lon,
        overrides: {},
        origin: "best-locations",
      }));
      if (sites.length > 0) onAdd(sites);
      const short = sites.length < count ? ` Only ${sites.length} cells meet the distance rule among ${res.candidates.toLocaleString("en")} candidates.` : "";
      const left = res.excludedInRegion > 0 ? ` ${res.excludedInRegion.toLocaleString("en")} cells here are excluded by constraints.` : "";
      const ruled = res.implausibleInRegion > 0 ? ` ${res.implausibleInRegion.toLocaleString("en")} scored cells here fail the buildability rule.` : "";
      setMessage(sites.length > 0
        ? { kind: "ok", text: `Added ${sites.length} candidate sites at cell centres, scores ${res.locations[0]!.score.toFixed(1)} to ${res.locations[res.locations.length - 1]!.score.toFixed(1)}.${short}${left}${ruled} ${res.rule} Best: ${res.locations[0]!.plausibility}${res.note ? ` ${res.note}` : ""}` }
        : { kind: "error", text: `No cell here can be chosen: ${res.excludedInRegion.toLocaleString("en")} excluded by constraints, ${res.unscoredInRegion.toLocaleString("en")} without a value for a weighted criterion, ${res.implausibleInRegion.toLocaleString("en")} failing the buildability rule.` });
    } catch (err) {
      setMessage({ kind: "error", text: (err as Error).message });
    } finally {
      setBusy(false);
    }
  }

  return (
    <fieldset className="best-locations">
      <legend>Find best locations</legend>
      <div role="radiogroup" aria-label="Where to look">
        <label><input type="radio" name={`${ids}-where`} checked={where === "view"} onChange={() => setWhere("view")} /> In the map view</label>{" "}
        <label><input type="radio" name={`${ids}-where`} checked={where === "country"} onChange={() => setWhere("country")} /> In a country</label>
      </div>
      {where === "country" && (
        <label>
          Country{" "}
          <select value={country} onChange={(e) => setCountry(e.target.value)} disabled={!countries.data}>
            <option value="">{countries.data ? "Choose…" : "Loading…"}</option>
            {countries.data?.map((c) => <option key={c.key} value={c.key}>{c.name}</option>)}
          </select>
        </label>
      )}
      <label>
        How many{" "}
        <input type="number" min={1} max={50} step={1} value={count} onChange={(e) => setCount(Math.min(50, Math.max(1, Math.round(Number(e.target.value) || 1))))} />
      </label>{" "}
      <label>
        At least{" "}
        <input type="number" min={0} max={5000} step={10} value={minKm} onChange={(e) => setMinKm(Math.min(5000, Math.max(0, Number(e.target.value) || 0)))} /> km apart
      </label>
      <label title="At least 300 MW of generating capacity within 100 km, and a city of ≥ 100,000 people within 150 km or at least 50,000 people in towns within 100 km.">
        <input type="checkbox" checked={buildable} onChange={(e) => setBuildable(e.target.checked)} /> Only buildable places (grid within 100 km and a town within reach)
      </label>
      <button type="button" onClick={find} disabled={!ready} aria-busy={busy}>
        {busy ? "Searching…" : `Add the best ${count} as candidate sites`}
      </button>
      {scenario === null && <p className="caveat">Choose a scenario first.</p>}
      {message && <p className={message.kind === "error" ? "form-error" : "caveat"} role={message.kind === "error" ? "alert" : "status"}>{message.text}</p>}
    </fieldset>
  );
}
