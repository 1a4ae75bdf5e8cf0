"use client";
import { useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useTRPC } from "@/components/trpc/client";

/** Gazetteer search (GeoNames cities): pick a place to add it as a candidate site. */
export function PlaceSearch({ onPick, label = "Find a place" }: { onPick: (p: { name: string; lat: number; lon: number; country: string; population: number }) => void; label?: string }) {
  const trpc = useTRPC();
  const [q, setQ] = useState("");
  const inputId = useId();
  const results = useQuery({ ...trpc.sites.search.queryOptions({ q: q.trim(), limit: 8 }), enabled: q.trim().length >= 2 });
  return (
    <div className="place-search">
      <label htmlFor={inputId}>{label}</label>
      <input id={inputId} type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder="e.g. Luleå, Ashburn, Johor Bahru" autoComplete="off" />
      {results.data && results.data.length > 0 && (
        <ul className="place-results" aria-label="Places found">
          {results.data.map((p) => (
            <li key={p.id}>
              <button type="button" onClick={() => { onPick(p); setQ(""); }}>
                Add {p.name}, {p.country} <span className="muted">({p.population.toLocaleString("en")} people)</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {results.data && results.data.length === 0 && q.trim().length >= 2 && <p className="muted">No place found.</p>}
    </div>
  );
}
