/**
 * A site's power-market inputs for the engineering model (server/models/powerMarket.ts), read from
 * already-sampled columns: the corporate PPA route with its citation, the carbon price with its
 * note, and the electricity price. Layers absent from a build give null with the reason.
 */
import type { SampleColumns } from "@/server/layers/sample";
import type { SitePowerMarket } from "@/server/models/powerMarket";
import type { Site } from "@/server/schemas/site";
import { layerRawValue, overrideValue, type RawValue } from "./criterionValues";

/** The layers {@link sitePowerMarket} reads (sample them with the evaluation's other layers). */
export const POWER_MARKET_INPUT_LAYERS = ["market.corporate_ppa", "market.carbon_price_usd_per_t", "power.price_usd_per_mwh"] as const;

/** The power-market inputs of site i (an override of a layer wins, as for criteria). */
export function sitePowerMarket(cols: SampleColumns, colIndex: ReadonlyMap<string, number>, site: Site, i: number): SitePowerMarket {
  const raw = (id: string): RawValue & { ref?: ReturnType<typeof refOf> } => {
    const over = overrideValue(site, id);
    if (over) return over;
    const k = colIndex.get(id);
    if (k === undefined) return { value: null, quality: "missing", reason: `${id} is not in this build` };
    return { ...layerRawValue(cols, k, i), ref: refOf(cols, k, i) };
  };
  const ppa = raw("market.corporate_ppa");
  const carbon = raw("market.carbon_price_usd_per_t");
  const power = raw("power.price_usd_per_mwh");
  const num = (v: RawValue) => (typeof v.value === "number" ? v.value : { value: null, reason: v.reason ?? "no value" });
  return {
    corporatePpa: {
      value: typeof ppa.value === "string" ? ppa.value : null,
      ...(ppa.reason ? { reason: ppa.reason } : {}),
      ...(ppa.override ? { citation: "site override" } : ppa.ref?.citation ? { citation: ppa.ref.citation } : {}),
      ...(ppa.ref?.url ? { url: ppa.ref.url } : {}),
      ...(ppa.ref?.year ? { as_of: ppa.ref.year } : {}),
      ...(ppa.ref?.confidence ? { confidence: ppa.ref.confidence } : {}),
    },
    carbonPriceUsdPerT: num(carbon),
    ...(carbon.ref?.note ? { carbonPriceNote: carbon.ref.note } : {}),
    powerPriceUsdPerMwh: num(power),
  };
}

function refOf(cols: SampleColumns, k: number, i: number) {
  const r = cols.columns[k]!.ref[i]!;
  const ref = r >= 0 ? cols.refs[r] : undefined;
  return ref?.kind === "feature" ? ref : undefined;
}
