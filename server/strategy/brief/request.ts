/**
 * What a strategy brief is made from: one scenario, the profiled region with its candidate area settings, and
 * optionally the regions compared and the capacity plan — the same inputs the strategy page sends to
 * `strategy.profile`, `strategy.compare` and `strategy.plan`. The server recomputes every number from
 * these inputs when the brief is created (a client never supplies results), and the brief keeps them,
 * so it can be made again with the same data build and app version.
 */
import { z } from "zod";
import { Scenario } from "@/server/schemas/scenario";
import { Region } from "@/server/strategy/regions";
import { DEFAULT_PLAUSIBILITY } from "@/server/siting/plausibility";
import { candidateAreasFields, resolveCandidateAreas } from "@/server/strategy/deprecatedNames";
import { CandidateAreaOptionsInput, PlanInput } from "@/server/strategy/regionalPlanning";

/** Candidate area settings of the strategy page's profile (the router's default is the same). */
export const DEFAULT_CANDIDATE_AREAS = { count: 10, minDistanceKm: 150, minAreaKm2: 2000, topShare: 0.1, plausibility: DEFAULT_PLAUSIBILITY };

export const BriefRequest = z.object({
  /** Title on the cover; default "Strategy brief: <region>". */
  title: z.string().trim().min(1, "give a title or leave it out").max(120, "at most 120 characters").optional(),
  scenario: Scenario,
  region: Region,
  ...candidateAreasFields(CandidateAreaOptionsInput),
  compare: z.object({
    regions: z.array(Region).min(2, "compare at least two regions").max(8, "at most 8 regions"),
    ...candidateAreasFields(CandidateAreaOptionsInput),
  }).strict().transform((c) => resolveCandidateAreas(c, CandidateAreaOptionsInput.parse({ ...DEFAULT_CANDIDATE_AREAS, count: 5 }))).optional(),
  /** The capacity plan's inputs; the brief's scenario is the plan's. */
  plan: PlanInput.omit({ scenario: true }).optional(),
}).strict().transform((r) => resolveCandidateAreas(r, CandidateAreaOptionsInput.parse(DEFAULT_CANDIDATE_AREAS)));
export type BriefRequest = z.infer<typeof BriefRequest>;
