/**
 * A scenario: which criteria, how each raw value becomes a utility, how much each weighs, which
 * sites are excluded outright, which method ranks them, and the load and market the engineering
 * metrics assume. One schema for tRPC input, persistence, exports and imports (invalid states are
 * unrepresentable: criteria are discriminated unions; a criterion has one value function).
 */
import { z } from "zod";
import { JurisdictionRule } from "@/server/models/jurisdiction";
import { LoadProfile } from "@/server/models/loadProfile";
import { LatLon } from "./geo";

export const LayerOrMetricId = z.string().regex(/^[a-z]+\.[a-z0-9_]+$/, "must be a layer id (e.g. carbon.grid_intensity) or metric id (e.g. metric.pue)");

const Finite = z.number().finite();
const Utility = z.number().min(0, "utilities are between 0 and 1").max(1, "utilities are between 0 and 1");

/** Raw value → utility in [0, 1]. */
export const ValueFunctionSpec = z.discriminatedUnion("type", [
  z.object({ type: z.literal("linear"), worst: Finite, best: Finite }).strict()
    .refine((v) => v.worst !== v.best, { message: "worst and best must differ", path: ["best"] }),
  z.object({
    type: z.literal("piecewiseLinear"),
    points: z.array(z.tuple([Finite, Utility])).min(2, "give at least two points").max(20),
  }).strict().refine((v) => v.points.every((p, i) => i === 0 || p[0] > v.points[i - 1]![0]), { message: "x values must increase", path: ["points"] }),
  z.object({ type: z.literal("threshold"), threshold: Finite, better: z.enum(["above", "below"]) }).strict(),
  /** For categorical layers: a utility per category key; a category not listed is missing. */
  z.object({ type: z.literal("categorical"), utilities: z.record(z.string().min(1).max(64), Utility) }).strict()
    .refine((v) => Object.keys(v.utilities).length > 0, { message: "give a utility for at least one category", path: ["utilities"] }),
]);
export type ValueFunctionSpec = z.infer<typeof ValueFunctionSpec>;

/** A hard constraint on the criterion's raw value: failing sites are excluded with the reason. */
export const ConstraintSpec = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("excludeAbove"), value: Finite }).strict(),
  z.object({ kind: z.literal("excludeBelow"), value: Finite }).strict(),
  z.object({ kind: z.literal("allowedValues"), values: z.array(z.string().min(1).max(64)).min(1).max(300) }).strict(),
  z.object({ kind: z.literal("excludedValues"), values: z.array(z.string().min(1).max(64)).min(1).max(300) }).strict(),
]);
export type ConstraintSpec = z.infer<typeof ConstraintSpec>;

export const Criterion = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  /** The layer or metric this criterion reads. */
  source: LayerOrMetricId,
  /** Relative weight ≥ 0; 0 makes a constraint-only criterion. Normalised to sum 1 for scoring. */
  weight: z.number().finite().min(0, "weights are ≥ 0").max(1000),
  /** UI: kept fixed while other sliders move. */
  locked: z.boolean().default(false),
  valueFunction: ValueFunctionSpec,
  constraints: z.array(ConstraintSpec).max(4).default([]),
}).strict();
export type Criterion = z.infer<typeof Criterion>;

const Preference = z.discriminatedUnion("type", [
  z.object({ type: z.literal("usual") }).strict(),
  z.object({ type: z.literal("ushape"), q: z.number().min(0) }).strict(),
  z.object({ type: z.literal("vshape"), p: z.number().positive() }).strict(),
  z.object({ type: z.literal("level"), q: z.number().min(0), p: z.number().positive() }).strict(),
  z.object({ type: z.literal("linear"), q: z.number().min(0), p: z.number().positive() }).strict(),
  z.object({ type: z.literal("gaussian"), s: z.number().positive() }).strict(),
]);

/** The ranking method (scores utilities, so no further normalisation is applied). */
export const MethodSpec = z.discriminatedUnion("method", [
  z.object({ method: z.literal("wsm") }).strict(),
  z.object({ method: z.literal("wpm") }).strict(),
  z.object({ method: z.literal("waspas"), lambda: z.number().min(0).max(1).default(0.5) }).strict(),
  z.object({ method: z.literal("topsis") }).strict(),
  z.object({ method: z.literal("vikor"), v: z.number().min(0).max(1).default(0.5) }).strict(),
  z.object({ method: z.literal("promethee2"), preferences: z.array(Preference).optional() }).strict(),
]);
export type MethodSpec = z.infer<typeof MethodSpec>;

/** How the weights were set: kept so the editor can reopen in the same mode. */
export const Weighting = z.discriminatedUnion("mode", [
  z.object({ mode: z.literal("direct") }).strict(),
  /** Rank-order centroid from an importance order: order[i] = rank of criterion i (1 = most important). */
  z.object({ mode: z.literal("roc"), order: z.array(z.number().int().min(1)) }).strict(),
  /** AHP pairwise comparisons (Saaty 1–9 scale), rows/columns in criterion order. */
  z.object({ mode: z.literal("ahp"), pairwise: z.array(z.array(z.number().positive())), randomIndex: z.enum(["saaty1980", "saaty2005", "doneganDodd1991", "aguaronMorenoJimenez2003"]).default("saaty1980") }).strict(),
]);

export const MarketPoint = LatLon.extend({ name: z.string().min(1).max(120), weight: z.number().positive().finite() }).strict();

/** Where the demand is and which data rule applies to it. */
export const Market = z.object({
  name: z.string().min(1).max(120),
  points: z.array(MarketPoint).min(1).max(200),
  /** Round-trip budget used for the "share of demand within budget" metric. */
  rttBudgetMs: z.number().positive().max(1000).default(30),
  rule: JurisdictionRule,
}).strict();
export type Market = z.infer<typeof Market>;

export const Scenario = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  name: z.string().trim().min(1).max(200),
  /** Which preset it started from, if any (presets are explained in the UI). */
  preset: z.string().max(64).optional(),
  criteria: z.array(Criterion).min(1, "add at least one criterion").max(30, "at most 30 criteria")
    .refine((cs) => new Set(cs.map((c) => c.id)).size === cs.length, { message: "criterion ids must be unique" })
    .refine((cs) => cs.some((c) => c.weight > 0), { message: "at least one criterion needs a weight above 0" }),
  weighting: Weighting.default({ mode: "direct" }),
  method: MethodSpec.default({ method: "wsm" }),
  /** How a missing value in a weighted criterion is handled: exclude the site (default) or drop that criterion's weight for the site. */
  missing: z.enum(["exclude", "renormalize"]).default("exclude"),
  loadProfile: LoadProfile,
  market: Market,
  /**
   * Contracted carbon-free energy share for market-based CO2 (0–1). It counts only where the site's
   * market has a corporate PPA route (market.corporate_ppa); where PPAs are not permitted the site's
   * market-based CO2 is location-based, with a note (server/models/powerMarket.ts).
   */
  cfeShare: z.number().min(0).max(1).default(0),
  /** Show the power-sector carbon price (market.carbon_price_usd_per_t) as a separate power-cost line per site; off by default. */
  carbonPriceInPowerCost: z.boolean().default(false),
}).strict();
export type Scenario = z.infer<typeof Scenario>;
