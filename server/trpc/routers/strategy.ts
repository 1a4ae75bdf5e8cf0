import { z } from "zod";
import { Scenario } from "@/server/schemas/scenario";
import { tokenSchema } from "@/server/schemas/token";
import { BriefRequest, DEFAULT_CANDIDATE_AREAS } from "@/server/strategy/brief/request";
import { createBrief, getBrief } from "@/server/strategy/brief/storedBriefs";
import { COUNTRY_GROUPS, Region } from "@/server/strategy/regions";
import { candidateAreasFields, resolveCandidateAreas, withDeprecatedZones } from "@/server/strategy/deprecatedNames";
import { compareRegions, planCapacity, PlanInput, regionProfile, CandidateAreaOptionsInput } from "@/server/strategy/regionalPlanning";
import { publicProcedure, router } from "../init";

const BriefId = tokenSchema("brief id");
const BriefToken = tokenSchema("token");

export const strategyRouter = router({
  /** What a region can be: countries, subdivisions (US/BR/CA/AU) and country groups. */
  regions: publicProcedure.query(({ ctx }) => {
    const s = ctx.layers;
    const list = (set: "countries" | "subdivisions") => s.polygons[set].features.map((f) => ({ key: f.key, name: f.name })).sort((a, b) => a.name.localeCompare(b.name, "en"));
    return {
      countries: list("countries"),
      subdivisions: list("subdivisions").filter((f) => f.key.includes("-")),
      groups: Object.entries(COUNTRY_GROUPS).map(([id, g]) => ({ id, title: g.title, members: g.members })),
    };
  }),
  /** Suitability distribution, constraint pass share, layer spreads and best candidate areas of a region. */
  profile: publicProcedure
    .input(z.object({ region: Region, scenario: Scenario, ...candidateAreasFields(CandidateAreaOptionsInput) }).strict()
      .transform((i) => resolveCandidateAreas(i, CandidateAreaOptionsInput.parse(DEFAULT_CANDIDATE_AREAS))))
    .query(async ({ ctx, input }) => withDeprecatedZones(await regionProfile(ctx.layers, input.region, input.scenario, input.candidateAreas))),
  /** Several regions profiled with the same scenario, ranked (best candidate area, then median score). */
  compare: publicProcedure
    .input(z.object({ regions: z.array(Region).min(2, "compare at least two regions").max(8, "at most 8 regions"), scenario: Scenario, ...candidateAreasFields(CandidateAreaOptionsInput) }).strict()
      .transform((i) => resolveCandidateAreas(i, CandidateAreaOptionsInput.parse({ ...DEFAULT_CANDIDATE_AREAS, count: 5 }))))
    .query(async ({ ctx, input }) => (await compareRegions(ctx.layers, input.regions, input.scenario, input.candidateAreas)).map((r) => ({ ...r, profile: withDeprecatedZones(r.profile) }))),
  /** A capacity plan solved exactly (HiGHS), with shortfalls and their binding constraints, against a build-at-demand baseline. */
  plan: publicProcedure.input(PlanInput).mutation(({ ctx, input }) => planCapacity(ctx.layers, input)),
  /**
   * Makes a strategy brief (profile, optional comparison and plan, recomputed on the server from these
   * inputs), stores it, and returns its id and read token (shown once): the brief opens at
   * `/strategy/brief/<id>?token=…` and downloads from `/api/strategy/briefs/<id>/pdf?token=…`.
   */
  createBrief: publicProcedure.input(BriefRequest).mutation(async ({ ctx, input }) => createBrief(ctx.layers, await ctx.db(), input)),
  /** A stored brief (metadata and content) with its read token. */
  getBrief: publicProcedure.input(z.object({ id: BriefId, token: BriefToken }).strict()).query(async ({ ctx, input }) => getBrief(await ctx.db(), input.id, input.token)),
});
