"use client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useCallback, useDeferredValue, useEffect, useMemo, useState } from "react";
import { Inspector } from "@/components/inspector/Inspector";
import { LayerPanel } from "@/components/layers/LayerPanel";
import { SourcesPanel } from "@/components/layers/SourcesPanel";
import { MapView } from "@/components/map/MapView";
import { tokensFor } from "@/components/project/tokens";
import { withUniqueIds } from "@/components/project/siteIds";
import { ReportButton } from "@/components/report/ReportButton";
import { useProject } from "@/components/project/useProject";
import { defaultScenario, demonstrationProject, isBlankProject, withDefaultScenario } from "@/components/project/starters";
import { Agreement, Breakdown } from "@/components/ranking/Breakdown";
import { Compare } from "@/components/ranking/Compare";
import { RankingTable } from "@/components/ranking/RankingTable";
import { Robustness } from "@/components/ranking/Robustness";
import { ScenarioEditor } from "@/components/scenario/ScenarioEditor";
import { SitesPanel } from "@/components/sites/SitesPanel";
import { BestLocations } from "@/components/surface/BestLocations";
import type { Bounds } from "@/components/surface/bounds";
import { useTRPC } from "@/components/trpc/client";
import type { Scenario } from "@/server/schemas/scenario";
import type { Site } from "@/server/schemas/site";
import { CoordinateForm } from "./CoordinateForm";
import { FirstScreen } from "./FirstScreen";
import { ProjectBar } from "./ProjectBar";
import { Tabs } from "./Tabs";
import { useSurfacePrefetch } from "./useSurfacePrefetch";
import { parseViewState, serializeViewState, type ViewState } from "./viewState";

type LeftTab = "sites" | "scenario" | "layers";
type RightTab = "ranking" | "robustness" | "compare" | "inspect";

/** The workspace: sites, scenario and layers on the left, the map, and ranking / robustness / compare / inspector on the right. */
export function Workspace({ shareToken = null }: { shareToken?: string | null }) {
  const trpc = useTRPC();
  const catalog = useQuery({ ...trpc.layers.catalog.queryOptions(), staleTime: Infinity });
  const meta = useQuery({ ...trpc.meta.version.queryOptions(), staleTime: Infinity });
  const metrics = useQuery({ ...trpc.scoring.metrics.queryOptions(), staleTime: Infinity });
  const presets = useQuery({ ...trpc.scoring.presets.queryOptions(), staleTime: Infinity });
  const [view, setView] = useState<ViewState | null>(null);
  const [picked, setPicked] = useState<{ lat: number; lon: number } | null>(null);
  const [sourcesOpen, setSourcesOpen] = useState(false);
  const [left, setLeft] = useState<LeftTab>("sites");
  const [right, setRight] = useState<RightTab>("ranking");
  const [selected, setSelected] = useState<string | null>(null);
  const [compare, setCompare] = useState<string[]>([]);
  const [focus, setFocus] = useState<{ lat: number; lon: number; key: number } | null>(null);
  const [surfaceOn, setSurfaceOn] = useState(false);
  const [bounds, setBounds] = useState<Bounds | null>(null);

  useEffect(() => setView(parseViewState(window.location.search)), []);
  useEffect(() => {
    if (view && !shareToken) window.history.replaceState(null, "", serializeViewState(view));
  }, [view, shareToken]);

  const onCreated = useCallback((id: string) => setView((v) => v && { ...v, project: id }), []);
  const project = useProject({ projectId: view?.project ?? null, shareToken, onCreated });
  const { state, edit } = project;
  const readOnly = state.access !== "write";
  const scenario = state.scenarios.find((s) => s.id === state.activeScenarioId) ?? null;
  useSurfacePrefetch(scenario, surfaceOn, project.loaded);

  // Ranking follows every edit; deferring keeps slider drags responsive, and the previous ranking stays shown meanwhile.
  const rankInput = useDeferredValue(useMemo(() => (scenario && state.sites.length ? { sites: state.sites, scenario } : null), [scenario, state.sites]));
  const ranking = useQuery({ ...trpc.scoring.rank.queryOptions(rankInput ?? { sites: [], scenario: scenario! }), enabled: rankInput !== null, placeholderData: keepPreviousData });
  const result = rankInput ? ranking.data : undefined;

  // A project gets the default scenario with its first site, so a ranking appears at once.
  const presetList = presets.data;
  const addSites = useCallback((sites: Site[]) => edit((s) => {
    const next = { ...s, sites: [...s.sites, ...withUniqueIds(s.sites, sites)] };
    return presetList ? withDefaultScenario(next, presetList) : next;
  }), [edit, presetList]);
  const openDemo = useCallback(() => {
    if (!presetList) return;
    edit((s) => demonstrationProject(s, presetList));
    setRight("ranking");
  }, [edit, presetList]);
  const startEmpty = useCallback(() => {
    if (presetList) edit((s) => withDefaultScenario(s, presetList));
  }, [edit, presetList]);
  const firstVisit = project.loaded && !view?.project && isBlankProject(state);
  const defaultPresetTitle = presetList ? defaultScenario(presetList)?.name ?? null : null;
  const setScenario = useCallback((sc: Scenario) => edit((s) => ({
    ...s,
    scenarios: s.scenarios.some((x) => x.id === sc.id) ? s.scenarios.map((x) => (x.id === sc.id ? sc : x)) : [...s.scenarios, sc],
    activeScenarioId: sc.id,
  })), [edit]);

  const markers = useMemo(() => state.sites.map((site) => {
    const r = result?.sites.find((x) => x.id === site.id);
    return { id: site.id, name: site.name, lat: site.lat, lon: site.lon, rank: r?.rank ?? null, score: r?.score ?? null, excluded: r?.excluded ?? false };
  }), [state.sites, result]);
  const selectSite = useCallback((id: string) => {
    setSelected(id);
    setRight("ranking");
  }, []);

  const toggle = useCallback((id: string, on: boolean) => setView((v) => v && {
    ...v,
    layers: on ? [...v.layers.filter((l) => l.id !== id), { id, opacity: 0.8 }] : v.layers.filter((l) => l.id !== id),
  }), []);
  const setOpacity = useCallback((id: string, opacity: number) => setView((v) => v && { ...v, layers: v.layers.map((l) => (l.id === id ? { ...l, opacity } : l)) }), []);
  const onViewChange = useCallback((c: { lat: number; lon: number; zoom: number }) => setView((v) => v && { ...v, ...c }), []);
  const onPick = useCallback((p: { lat: number; lon: number }) => {
    setPicked(p);
    setRight("inspect");
  }, []);

  const selectedSite = result?.sites.find((s) => s.id === selected) ?? null;
  const metricTitles = useMemo(() => new Map((metrics.data ?? []).map((m) => [`metric.${m.id}`, m.title])), [metrics.data]);
  return (
    <div className="workspace">
      <header className="topbar">
        <h1>Siting Atlas</h1>
        <ProjectBar state={state} status={project.status} message={project.message} readOnly={readOnly} onRename={(name) => edit((s) => ({ ...s, name }))} />
        <CoordinateForm onPick={onPick} />
        <button type="button" onClick={() => setSourcesOpen(true)}>Sources &amp; licences</button>
      </header>
      <aside className="left">
        <Tabs label="Left panel" value={left} onChange={setLeft} tabs={[["sites", `Sites (${state.sites.length})`], ["scenario", "Scenario"], ["layers", "Layers"]]} />
        <div className="tab-body">
          {left === "sites" && <SitesPanel sites={state.sites} readOnly={readOnly} scenarioName={scenario?.name ?? null}
            intro={firstVisit ? <FirstScreen presetTitle={defaultPresetTitle} onDemo={openDemo} onEmpty={startEmpty} /> : null} onAdd={addSites} onRemove={(id) => edit((s) => ({ ...s, sites: s.sites.filter((x) => x.id !== id) }))} onFocus={(site) => { setFocus({ lat: site.lat, lon: site.lon, key: Date.now() }); selectSite(site.id); }} />}
          {left === "scenario" && scenario && (
            <section className="surface-controls" aria-label="Suitability surface">
              <label><input type="checkbox" checked={surfaceOn} onChange={(e) => setSurfaceOn(e.target.checked)} data-testid="surface-toggle" /> Show the suitability surface (every land cell scored with this scenario)</label>
              {!readOnly && <BestLocations scenario={scenario} view={bounds} onAdd={addSites} />}
            </section>
          )}
          {left === "scenario" && catalog.data && <ScenarioEditor scenario={scenario} catalog={catalog.data} readOnly={readOnly} onChange={setScenario} />}
          {left === "layers" && catalog.data && view && <LayerPanel catalog={catalog.data} active={view.layers} onToggle={toggle} onOpacity={setOpacity} />}
        </div>
      </aside>
      <main className="center">
        {view && meta.data && (
          <MapView initialView={view} catalog={catalog.data} active={view.layers} dataVersion={meta.data.dataVersion} onPick={onPick} onViewChange={onViewChange} sites={markers} onSelectSite={selectSite} focus={focus}
            surface={{ scenario, visible: surfaceOn, opacity: 0.8 }} onBoundsChange={setBounds} />
        )}
      </main>
      <aside className="right">
        <Tabs label="Right panel" value={right} onChange={setRight} tabs={[["ranking", "Ranking"], ["robustness", "Robustness"], ["compare", `Compare (${compare.length})`], ["inspect", "Inspect"]]} />
        <div className="tab-body">
          {right === "ranking" && (
            !scenario ? <p>{state.sites.length ? "Choose a scenario (left, “Scenario”) to rank the sites." : "Open the demonstration project or add candidate sites (left) to see a ranking here."}</p>
              : !state.sites.length ? <p>Add candidate sites (left) to rank them with “{scenario.name}”.</p>
                : ranking.error ? <p role="alert">{ranking.error.message}</p>
                  : !result || !metrics.data ? <p aria-live="polite">Ranking…</p>
                    : (
                      <>
                        <p className="muted" aria-live="polite">{ranking.isFetching ? "Re-ranking…" : `${result.sites.filter((s) => s.rank !== null).length} ranked, ${result.sites.filter((s) => s.excluded).length} excluded.`}</p>
                        <ReportButton projectId={state.id} scenarioId={scenario.id} shareToken={state.shareToken}
                          getWriteToken={() => (state.id && !readOnly ? tokensFor(state.id)?.writeToken ?? null : null)}
                          disabledReason={project.status === "saved" || project.status === "read-only" ? null : "Saving… (reports use the saved project)"} />
                        <RankingTable result={result} metrics={metrics.data} selected={selected} compare={compare} onSelect={setSelected}
                          onToggleCompare={(id) => setCompare((c) => (c.includes(id) ? c.filter((x) => x !== id) : [...c, id].slice(0, 5)))} />
                        {selectedSite && <Breakdown site={selectedSite} result={result} metrics={metrics.data} />}
                        <Agreement result={result} />
                      </>
                    )
          )}
          {right === "robustness" && scenario && <Robustness sites={state.sites} scenario={scenario} />}
          {right === "compare" && result && metrics.data && <Compare result={result} ids={compare} metrics={metrics.data} />}
          {right === "inspect" && (picked && catalog.data
            ? <Inspector point={picked} catalog={catalog.data} onClose={() => setPicked(null)} criteria={scenario?.criteria ?? []} onMap={view?.layers.map((l) => l.id) ?? []} metricTitles={metricTitles} onOpenSources={() => setSourcesOpen(true)}
              {...(readOnly ? {} : { onAddSite: (name: string) => addSites([{ id: "", name, lat: picked.lat, lon: picked.lon, overrides: {}, origin: "map" }]) })} />
            : <p>Click the map or type coordinates to inspect every layer at a point.</p>)}
        </div>
      </aside>
      <SourcesPanel open={sourcesOpen} onClose={() => setSourcesOpen(false)} />
    </div>
  );
}
