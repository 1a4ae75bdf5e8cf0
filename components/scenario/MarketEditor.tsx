"use client";
import type { Market, Scenario } from "@/server/schemas/scenario";
import { PlaceSearch } from "@/components/sites/PlaceSearch";

const RULES: { kind: Market["rule"]["kind"]; label: string }[] = [
  { kind: "any", label: "No data-location rule" },
  { kind: "eu_gdpr_transfer", label: "EU personal data (GDPR transfer rules)" },
  { kind: "allowed_regimes", label: "Only EU/EEA sites (GDPR applies)" },
  { kind: "same_country", label: "Data must stay in one country" },
];

/** The market: demand points (weighted), round-trip budget, data rule; plus the load profile and CFE share. */
export function MarketEditor({ scenario, readOnly, onChange }: { scenario: Scenario; readOnly: boolean; onChange: (s: Scenario) => void }) {
  const m = scenario.market;
  const setMarket = (market: Market) => onChange({ ...scenario, market });
  return (
    <div className="market">
      <fieldset>
        <legend>Load profile</legend>
        <label className="num">IT capacity (MW)
          <input type="number" min={1} max={2000} value={scenario.loadProfile.itMw} readOnly={readOnly} onChange={(e) => {
            const v = e.target.valueAsNumber;
            if (v >= 1 && v <= 2000) onChange({ ...scenario, loadProfile: { ...scenario.loadProfile, itMw: v } });
          }} />
        </label>
        <label className="num">Utilisation (0.05–1)
          <input type="number" min={0.05} max={1} step={0.05} value={scenario.loadProfile.utilisation} readOnly={readOnly} onChange={(e) => {
            const v = e.target.valueAsNumber;
            if (v >= 0.05 && v <= 1) onChange({ ...scenario, loadProfile: { ...scenario.loadProfile, utilisation: v } });
          }} />
        </label>
        <label>Cooling
          <select value={scenario.loadProfile.cooling} disabled={readOnly} onChange={(e) => onChange({ ...scenario, loadProfile: { ...scenario.loadProfile, cooling: e.target.value as Scenario["loadProfile"]["cooling"] } })}>
            <option value="air_economiser">Air-side economiser</option>
            <option value="evaporative_assist">Evaporative-assisted (towers)</option>
            <option value="dry_cooler_liquid">Liquid cooling with dry coolers</option>
          </select>
        </label>
        <label className="num">Carbon-free energy contracted (0–1)
          <input type="number" min={0} max={1} step={0.05} value={scenario.cfeShare} readOnly={readOnly} onChange={(e) => {
            const v = e.target.valueAsNumber;
            if (v >= 0 && v <= 1) onChange({ ...scenario, cfeShare: v });
          }} />
        </label>
      </fieldset>
      <fieldset>
        <legend>Market: {m.name}</legend>
        <ul className="market-points">
          {m.points.map((p, k) => (
            <li key={k}>{p.name} <span className="muted">weight {p.weight.toLocaleString("en")}</span>
              {!readOnly && m.points.length > 1 && <button type="button" className="small" aria-label={`Remove ${p.name} from the market`} onClick={() => setMarket({ ...m, points: m.points.filter((_, i) => i !== k) })}>×</button>}
            </li>
          ))}
        </ul>
        {!readOnly && <PlaceSearch label="Add a market city (weighted by its population)" onPick={(p) => setMarket({ ...m, points: [...m.points, { name: `${p.name} (${p.country})`, lat: p.lat, lon: p.lon, weight: p.population }] })} />}
        <label className="num">Round-trip budget (ms)
          <input type="number" min={1} max={1000} value={m.rttBudgetMs} readOnly={readOnly} onChange={(e) => {
            const v = e.target.valueAsNumber;
            if (v > 0 && v <= 1000) setMarket({ ...m, rttBudgetMs: v });
          }} />
        </label>
        <label>Data rule
          <select value={m.rule.kind} disabled={readOnly} onChange={(e) => {
            const kind = e.target.value as Market["rule"]["kind"];
            const rule: Market["rule"] = kind === "allowed_regimes" ? { kind, regimes: ["eu_eea_gdpr"] } : kind === "same_country" ? { kind, country: "DEU" } : kind === "allowed_countries" ? { kind, countries: ["DEU"] } : { kind };
            setMarket({ ...m, rule });
          }}>
            {RULES.map((r) => <option key={r.kind} value={r.kind}>{r.label}</option>)}
          </select>
        </label>
        {m.rule.kind === "same_country" && (
          <label>Country (ISO 3166 alpha-3)
            <input value={m.rule.country} maxLength={3} readOnly={readOnly} onChange={(e) => {
              const v = e.target.value.toUpperCase();
              if (/^[A-Z]{3}$/.test(v)) setMarket({ ...m, rule: { kind: "same_country", country: v } });
            }} />
          </label>
        )}
      </fieldset>
    </div>
  );
}
