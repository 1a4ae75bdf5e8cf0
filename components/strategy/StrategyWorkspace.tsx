"use client";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useCallback, useMemo, useState } from "react";
import { MapView } from "@/components/map/MapView";
import { PlaceSearch } from "@/components/sites/PlaceSearch";
import { useTRPC } from "@/components/trpc/client";
import { Tabs } from "@/components/workspace/Tabs";
import { BriefButton } from "./BriefButton";
import { PlanResults } from "./PlanResults";
import { ProfileView } from "./ProfileView";
import { RegionPicker } from "./RegionPicker";
import { fmtInt, type BriefInput, type PlanInput, type Region, type RegionOptions } from "./types";

type Market = PlanInput["markets"][number];
const CANDIDATE_AREAS = { count: 20, minDistanceKm: 150, minAreaKm2: 1500, topShare: 0.15 };
const TAB_TITLES = { profile: "Profile", compare: "Compare", plan: "Plan" } as const;

/** A region's name for lists and labels. */
function regionName(r: Region, options: RegionOptions | undefined): string {
  if (r.kind === "country") return options?.countries.find((c) => c.key === r.key)?.name ?? r.key;
  if (r.kind === "subdivision") return options?.subdivisions.find((c) => c.key === r.key)?.name ?? r.key;
  if (r.kind === "group") return options?.groups.find((g) => g.id === r.group)?.title ?? r.group;
  return r.name ?? "Drawn area";
}

/**
 * Regional compute strategy: profile a region under a scenario, compare regions, and plan capacity
 * across the region's best candidate areas for demand markets under latency and data rules.
 */
export function StrategyWorkspace() {
  const trpc = useTRPC();
  const options = useQuery({ ...trpc.strategy.regions.queryOptions(), staleTime: Infinity });
  const presets = useQuery({ ...trpc.scoring.presets.queryOptions(), staleTime: Infinity });
  const meta = useQuery({ ...trpc.meta.version.queryOptions(), staleTime: Infinity });
  const [presetId, setPresetId] = useState("ai-training");
  const [region, setRegion] = useState<Region | null>(null);
  const [drawing, setDrawing] = useState(false);
  const [drawn, setDrawn] = useState<[number, number][]>([]);
  const [compareList, setCompareList] = useState<Region[]>([]);
  const [tab, setTab] = useState<"profile" | "compare" | "plan">("profile");
  const [markets, setMarkets] = useState<Market[]>([]);
  const [totalGw, setTotalGw] = useState(2);
  const [inferenceShare, setInferenceShare] = useState(30);
  const [slaMs, setSlaMs] = useState(30);
  const [maxMw, setMaxMw] = useState(500);
  const [objective, setObjective] = useState<PlanInput["objective"]>("co2");
  const [rule, setRule] = useState<PlanInput["rule"]["kind"]>("any");

  const scenario = presets.data?.find((p) => p.id === presetId)?.scenario ?? null;
  const currentRegion = useMemo((): Region | null => region ?? (options.data ? { kind: "country", key: options.data.countries.find((c) => c.key === "SWE")?.key ?? options.data.countries[0]!.key } : null), [region, options.data]);
  const [buildable, setBuildable] = useState(true);
  // The buildability rule (server/siting/plausibility.ts) with its default thresholds, or off.
  const candidateAreaOptions = useMemo(() => ({ ...CANDIDATE_AREAS, plausibility: { enabled: buildable } }), [buildable]);
  const profile = useQuery({ ...trpc.strategy.profile.queryOptions({ region: currentRegion!, scenario: scenario!, candidateAreas: candidateAreaOptions }), enabled: Boolean(currentRegion && scenario) });
  const compare = useQuery({ ...trpc.strategy.compare.queryOptions({ regions: compareList, scenario: scenario!, candidateAreas: { ...candidateAreaOptions, count: 5 } }), enabled: compareList.length >= 2 && Boolean(scenario) });
  const plan = useMutation(trpc.strategy.plan.mutationOptions());
  // The inputs of the plan on screen: the brief re-solves exactly this plan.
  const [planInput, setPlanInput] = useState<PlanInput | null>(null);

  const runPlan = () => {
    if (!scenario || !currentRegion || !markets.length) return;
    const workloads: PlanInput["workloads"] = [
      ...(inferenceShare < 100 ? [{ id: "training", share: (100 - inferenceShare) / 100, rttSlaMs: null }] : []),
      ...(inferenceShare > 0 ? [{ id: "inference", share: inferenceShare / 100, rttSlaMs: slaMs }] : []),
    ];
    const input: PlanInput = {
      scenario, candidates: { kind: "candidate_areas", region: currentRegion, candidateAreas: { ...candidateAreaOptions, count: 60 } }, totalMw: totalGw * 1000, maxMwPerCandidate: maxMw,
      markets, workloads, objective,
      rule: rule === "allowed_regimes" ? { kind: "allowed_regimes", regimes: ["eu_eea_gdpr"] } : { kind: "any" },
    };
    setPlanInput(input);
    plan.mutate(input);
    setTab("plan");
  };

  // The brief: the profile shown, plus the comparison and the plan when they are on screen for the same scenario.
  const planShown = Boolean(plan.data && planInput && scenario && JSON.stringify(planInput.scenario) === JSON.stringify(scenario));
  const compareShown = compareList.length >= 2 && Boolean(compare.data);
  const briefRequest = useMemo((): BriefInput | null => {
    if (!scenario || !currentRegion || !profile.data) return null;
    const planPart = planShown && planInput ? (({ scenario: _s, ...rest }) => rest)(planInput) : undefined;
    return {
      scenario, region: currentRegion, candidateAreas: candidateAreaOptions,
      ...(compareShown ? { compare: { regions: compareList, candidateAreas: { ...candidateAreaOptions, count: 5 } } } : {}),
      ...(planPart ? { plan: planPart } : {}),
    };
  }, [scenario, currentRegion, profile.data, planShown, planInput, compareShown, compareList, candidateAreaOptions]);
  const briefIncludes = ["the region profile", ...(compareShown ? ["the comparison"] : []), ...(planShown ? ["the capacity plan"] : [])].join(", ").replace(/, ([^,]*)$/, " and $1");
  const briefWhy = !profile.data ? (profile.error ? "The brief needs a region profile: fix the problem above first." : "The brief becomes available when the region profile is shown.") : null;

  const overlay = useMemo((): GeoJSON.FeatureCollection => {
    const features: GeoJSON.Feature[] = [];
    if (drawing && drawn.length >= 2) features.push({ type: "Feature", properties: {}, geometry: { type: "Polygon", coordinates: [[...drawn, drawn[0]!]] } });
    if (region?.kind === "polygon") features.push({ type: "Feature", properties: {}, geometry: region.geometry });
    if (tab === "plan" && plan.data) {
      const byId = new Map(plan.data.candidates.map((c) => [c.id, c]));
      for (const m of plan.data.markets) features.push({ type: "Feature", properties: { role: "market", label: m.name }, geometry: { type: "Point", coordinates: [m.lon, m.lat] } });
      for (const b of plan.data.built) {
        const c = byId.get(b.candidateId)!;
        features.push({ type: "Feature", properties: { role: "candidate_area", label: `${c.name}: ${fmtInt(b.mw)} MW` }, geometry: { type: "Point", coordinates: [c.lon, c.lat] } });
      }
      for (const a of plan.data.allocations) {
        const c = byId.get(a.candidateId)!;
        const m = plan.data.markets.find((x) => x.name === a.market);
        if (m) features.push({ type: "Feature", properties: { mw: a.mw }, geometry: { type: "LineString", coordinates: [[m.lon, m.lat], [c.lon, c.lat]] } });
      }
    } else if (profile.data) {
      for (const z of profile.data.candidateAreas) features.push({ type: "Feature", properties: { role: "candidate_area", label: `Candidate area ${z.rank} · ${z.meanScore}` }, geometry: { type: "Point", coordinates: [z.lon, z.lat] } });
    }
    return { type: "FeatureCollection", features };
  }, [drawing, drawn, region, tab, plan.data, profile.data]);

  const onPick = useCallback((p: { lat: number; lon: number }) => {
    if (drawing) setDrawn((d) => [...d, [p.lon, p.lat]]);
  }, [drawing]);
  const noop = useCallback(() => {}, []);

  return (
    <div className="workspace">
      <header className="topbar">
        <h1>Siting Atlas · Regional strategy</h1>
        <a href="/">Site planning</a>
      </header>
      <aside className="left" aria-label="Strategy inputs">
        <div className="tab-body">
          <label>Scenario
            <select value={presetId} onChange={(e) => setPresetId(e.target.value)} data-testid="strategy-scenario">
              {presets.data?.map((p) => <option key={p.id} value={p.id}>{p.title}</option>)}
            </select>
          </label>
          {options.data && <RegionPicker options={options.data} region={currentRegion} drawing={drawing} drawnPoints={drawn}
            onChange={(r) => { setRegion(r); setDrawn([]); }} onDraw={(on) => { setDrawing(on); setDrawn([]); }} onDrawnPointsChange={setDrawn} />}
          <label title="At least 300 MW of generating capacity within 100 km, and a city of ≥ 100,000 people within 150 km or at least 50,000 people in towns within 100 km.">
            <input type="checkbox" checked={buildable} onChange={(e) => setBuildable(e.target.checked)} data-testid="area-buildable" /> Candidate areas only where a campus could be built (grid and a town within reach)
          </label>
          <p><button type="button" disabled={!currentRegion} onClick={() => currentRegion && setCompareList((l) => [...l, currentRegion].slice(-8))}>Add to comparison ({compareList.length})</button>{" "}
            {compareList.length > 0 && <button type="button" onClick={() => setCompareList([])}>Clear</button>}</p>
          {compareList.length > 0 && (
            <ul className="market-points" aria-label="Regions to compare" data-testid="compare-list">
              {compareList.map((r, i) => (
                <li key={i}>{regionName(r, options.data)} <button type="button" className="small" aria-label={`Remove ${regionName(r, options.data)} from the comparison`} onClick={() => setCompareList((x) => x.filter((_, k) => k !== i))}>×</button></li>
              ))}
            </ul>
          )}
          <fieldset>
            <legend>Capacity plan over the region’s best candidate areas</legend>
            <label className="num">Total IT capacity (GW)<input type="number" min={0.01} max={50} step={0.1} value={totalGw} onChange={(e) => e.target.valueAsNumber > 0 && setTotalGw(e.target.valueAsNumber)} /></label>
            <label className="num">Largest candidate area (MW)<input type="number" min={10} max={10000} value={maxMw} onChange={(e) => e.target.valueAsNumber > 0 && setMaxMw(e.target.valueAsNumber)} /></label>
            <label className="num">Inference share (%)<input type="number" min={0} max={100} value={inferenceShare} onChange={(e) => setInferenceShare(Math.min(100, Math.max(0, e.target.valueAsNumber || 0)))} /></label>
            <label className="num">Inference RTT limit (ms)<input type="number" min={1} max={500} value={slaMs} onChange={(e) => e.target.valueAsNumber > 0 && setSlaMs(e.target.valueAsNumber)} /></label>
            <label>Minimise
              <select value={objective} onChange={(e) => setObjective(e.target.value as PlanInput["objective"])}>
                <option value="co2">annual CO2 (location-based)</option>
                <option value="water">annual site water</option>
                <option value="score">1 − suitability score</option>
              </select>
            </label>
            <label>Data rule
              <select value={rule} onChange={(e) => setRule(e.target.value as PlanInput["rule"]["kind"])}>
                <option value="any">none</option>
                <option value="allowed_regimes">only EU/EEA (GDPR) locations</option>
              </select>
            </label>
            <PlaceSearch label="Add a demand market (share by population)" onPick={(p) => setMarkets((m) => [...m, { name: `${p.name} (${p.country})`, lat: p.lat, lon: p.lon, share: p.population }])} />
            <ul className="market-points" data-testid="plan-markets" aria-label="Demand markets">
              {markets.map((m, i) => <li key={i}>{m.name} <span className="muted">{fmtInt(m.share)}</span> <button type="button" className="small" aria-label={`Remove ${m.name}`} onClick={() => setMarkets((x) => x.filter((_, k) => k !== i))}>×</button></li>)}
            </ul>
            {!markets.length && <p className="hint" id="plan-needs-markets">Add at least one demand market to plan.</p>}
            <button type="button" onClick={runPlan} disabled={!markets.length || plan.isPending} data-testid="run-plan" aria-describedby={markets.length ? undefined : "plan-needs-markets"}>{plan.isPending ? "Solving…" : "Plan capacity"}</button>
          </fieldset>
        </div>
      </aside>
      <main className="center">
        {meta.data && (
          <MapView initialView={{ lat: 55, lon: 12, zoom: 2.5 }} catalog={undefined} active={[]} dataVersion={meta.data.dataVersion} onPick={onPick} onViewChange={noop}
            sites={[]} onSelectSite={noop} strategy={overlay} />
        )}
      </main>
      <aside className="right" aria-label="Results">
        <Tabs label="Results" value={tab} onChange={setTab} tabs={[["profile", "Profile"], ["compare", `Compare (${compareList.length})`], ["plan", "Plan"]]} />
        <div className="tab-body" role="tabpanel" aria-label={TAB_TITLES[tab]}>
          {tab === "profile" && (profile.error ? <p role="alert">{profile.error.message}</p> : profile.data ? <ProfileView profile={profile.data} /> : <p aria-live="polite">Scoring every land cell of the region…</p>)}
          {tab === "compare" && (compareList.length < 2 ? <p>Add two or more regions to compare them.</p> : compare.error ? <p role="alert">{compare.error.message}</p> : !compare.data ? <p aria-live="polite">Profiling…</p> : (
            <table className="inspect-table" data-testid="compare-regions">
              <caption>Regions ranked by their best candidate area, then median score</caption>
              <thead><tr><th scope="col">#</th><th scope="col">Region</th><th scope="col">Best candidate area</th><th scope="col">Median</th><th scope="col">Land passing</th></tr></thead>
              <tbody>{compare.data.map((r) => (
                <tr key={r.input}><td>{r.rank}</td><th scope="row">{r.profile.name}</th><td>{r.profile.candidateAreas[0]?.meanScore ?? "—"}</td><td>{r.profile.medianScore ?? "—"}</td><td>{(r.profile.passShare * 100).toFixed(0)} %</td></tr>
              ))}</tbody>
            </table>
          ))}
          {tab === "plan" && (plan.error ? <p role="alert">{plan.error.message}</p> : plan.isPending ? <p aria-live="polite">Solving the capacity plan…</p> : plan.data ? <PlanResults plan={plan.data} /> : <p>Add demand markets and press “Plan capacity”.</p>)}
        </div>
        <BriefButton request={briefRequest} disabledReason={briefWhy} includes={briefIncludes} />
      </aside>
    </div>
  );
}
