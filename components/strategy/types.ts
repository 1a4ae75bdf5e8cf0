import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/trpc/root";

type In = inferRouterInputs<AppRouter>;
type Out = inferRouterOutputs<AppRouter>;
export type Region = In["strategy"]["profile"]["region"];
export type Profile = Out["strategy"]["profile"];
export type CompareResult = Out["strategy"]["compare"];
export type PlanInput = In["strategy"]["plan"];
export type PlanOutput = Out["strategy"]["plan"];
export type RegionOptions = Out["strategy"]["regions"];
export type BriefInput = In["strategy"]["createBrief"];
export type BriefCreated = Out["strategy"]["createBrief"];

export const fmtInt = (v: number) => Math.round(v).toLocaleString("en");
export const pct = (v: number) => `${(v * 100).toFixed(1)} %`;
