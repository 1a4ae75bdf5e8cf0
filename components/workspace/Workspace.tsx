"use client";
import { useQuery } from "@tanstack/react-query";
import { useCallback, useEffect, useState } from "react";
import { Inspector } from "@/components/inspector/Inspector";
import { LayerPanel } from "@/components/layers/LayerPanel";
import { SourcesPanel } from "@/components/layers/SourcesPanel";
import { MapView } from "@/components/map/MapView";
import { useTRPC } from "@/components/trpc/client";
import { CoordinateForm } from "./CoordinateForm";
import { parseViewState, serializeViewState, type ViewState } from "./viewState";

/** The map workspace: layer panel, map, inspector; its view and layers live in the URL. */
export function Workspace() {
  const trpc = useTRPC();
  const catalog = useQuery({ ...trpc.layers.catalog.queryOptions(), staleTime: Infinity });
  const meta = useQuery({ ...trpc.meta.version.queryOptions(), staleTime: Infinity });
  // The URL is read after mount (the server render has no URL state), then kept in step.
  const [view, setView] = useState<ViewState | null>(null);
  const [picked, setPicked] = useState<{ lat: number; lon: number } | null>(null);
  const [sourcesOpen, setSourcesOpen] = useState(false);

  useEffect(() => setView(parseViewState(window.location.search)), []);
  useEffect(() => {
    if (view) window.history.replaceState(null, "", serializeViewState(view));
  }, [view]);

  const toggle = useCallback((id: string, on: boolean) => setView((v) => v && {
    ...v,
    layers: on ? [...v.layers.filter((l) => l.id !== id), { id, opacity: 0.8 }] : v.layers.filter((l) => l.id !== id),
  }), []);
  const setOpacity = useCallback((id: string, opacity: number) => setView((v) => v && { ...v, layers: v.layers.map((l) => (l.id === id ? { ...l, opacity } : l)) }), []);
  const onViewChange = useCallback((c: { lat: number; lon: number; zoom: number }) => setView((v) => v && { ...v, ...c }), []);

  return (
    <div className="workspace">
      <header className="topbar">
        <h1>Siting Atlas</h1>
        <span className="tagline">Evidence layers for hyperscale AI data-centre siting</span>
        <CoordinateForm onPick={setPicked} />
        <button type="button" onClick={() => setSourcesOpen(true)}>Sources &amp; licences</button>
      </header>
      <aside className="left">
        {catalog.data && view ? (
          <LayerPanel catalog={catalog.data} active={view.layers} onToggle={toggle} onOpacity={setOpacity} />
        ) : (
          <p aria-live="polite">Loading layers…</p>
        )}
      </aside>
      <main className="center">
        {view && meta.data && (
          <MapView initialView={view} catalog={catalog.data} active={view.layers} dataVersion={meta.data.dataVersion} onPick={setPicked} onViewChange={onViewChange} />
        )}
      </main>
      {picked && catalog.data && (
        <aside className="right">
          <Inspector point={picked} catalog={catalog.data} onClose={() => setPicked(null)} />
        </aside>
      )}
      <SourcesPanel open={sourcesOpen} onClose={() => setSourcesOpen(false)} />
    </div>
  );
}
