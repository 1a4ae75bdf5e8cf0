import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/trpc/root";

type Out = inferRouterOutputs<AppRouter>;
export type RankResult = Out["scoring"]["rank"];
export type SiteResult = RankResult["sites"][number];
export type Sensitivity = Out["scoring"]["sensitivity"];
export type MetricField = Out["scoring"]["metrics"][number];

export function fmt(v: number | string | null | undefined, decimals = 2): string {
  if (v === null || v === undefined) return "—";
  if (typeof v === "string") return v;
  return v.toLocaleString("en", { maximumFractionDigits: decimals, minimumFractionDigits: 0 });
}
