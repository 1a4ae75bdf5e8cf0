import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { getDb } from "@/server/db";
import { BriefForbidden, BriefNotFound } from "@/server/db/briefs";
import { layerStore } from "@/server/layers/service";
import { Scenario } from "@/server/schemas/scenario";
import { BriefRequest, DEFAULT_BRIEF_ZONES } from "@/server/strategy/briefRequest";
import { createBrief, getBrief } from "@/server/strategy/briefService";
import { COUNTRY_GROUPS, Region } from "@/server/strategy/regions";
import { compareRegions, planCapacity, PlanInput, regionProfile, StrategyInputError, ZoneOptionsInput } from "@/server/strategy/service";
import { publicProcedure, router } from "../init";

/** Maps domain errors to API errors: bad input names the field; a brief the token does not open is FORBIDDEN. */
async function asInputError<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof StrategyInputError) throw new TRPCError({ code: "BAD_REQUEST", message: err.message, cause: err });
    if (err instanceof BriefNotFound) throw new TRPCError({ code: "NOT_FOUND", message: err.message });
    if (err instanceof BriefForbidden) throw new TRPCError({ code: "FORBIDDEN", message: err.message });
    throw err;
  }
}

const BriefId = z.string().regex(/^[A-Za-z0-9_-]{22}$/, "must be a 22-character brief id");
const BriefToken = z.string().regex(/^[A-Za-z0-9_-]{22}$/, "must be a 22-character token");

export const strategyRouter = router({
  /** What a region can be: countries, subdivisions (US/BR/CA/AU) and country groups. */
  regions: publicProcedure.query(() => {
    const s = layerStore();
    const list = (set: "countries" | "subdivisions") => s.polygons[set].features.map((f) => ({ key: f.key, name: f.name })).sort((a, b) => a.name.localeCompare(b.name, "en"));
    return {
      countries: list("countries"),
      subdivisions: list("subdivisions").filter((f) => f.key.includes("-")),
      groups: Object.entries(COUNTRY_GROUPS).map(([id, g]) => ({ id, title: g.title, members: g.members })),
    };
  }),
  /** Suitability distribution, constraint pass share, layer spreads and best zones of a region. */
  profile: publicProcedure
    .input(z.object({ region: Region, scenario: Scenario, zones: ZoneOptionsInput.default(DEFAULT_BRIEF_ZONES) }).strict())
    .query(({ input }) => asInputError(() => regionProfile(input.region, input.scenario, input.zones))),
  /** Several regions profiled with the same scenario, ranked (best zone, then median score). */
  compare: publicProcedure
    .input(z.object({ regions: z.array(Region).min(2, "compare at least two regions").max(8, "at most 8 regions"), scenario: Scenario, zones: ZoneOptionsInput.default({ ...DEFAULT_BRIEF_ZONES, count: 5 }) }).strict())
    .query(({ input }) => asInputError(() => compareRegions(input.regions, input.scenario, input.zones))),
  /** A capacity plan solved exactly (HiGHS), with shortfalls and their binding constraints, against a build-at-demand baseline. */
  plan: publicProcedure.input(PlanInput).mutation(({ input }) => asInputError(() => planCapacity(input))),
  /**
   * Makes a strategy brief (profile, optional comparison and plan, recomputed on the server from these
   * inputs), stores it, and returns its id and read token (shown once): the brief opens at
   * `/strategy/brief/<id>?token=…` and downloads from `/api/strategy/briefs/<id>/pdf?token=…`.
   */
  createBrief: publicProcedure.input(BriefRequest).mutation(({ input }) => asInputError(async () => createBrief(await getDb(), input))),
  /** A stored brief (metadata and content) with its read token. */
  getBrief: publicProcedure.input(z.object({ id: BriefId, token: BriefToken }).strict()).query(({ input }) => asInputError(async () => getBrief(await getDb(), input.id, input.token))),
});
