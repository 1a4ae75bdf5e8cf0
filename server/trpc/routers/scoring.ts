import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { Scenario } from "@/server/schemas/scenario";
import { MAX_SITES, Site } from "@/server/schemas/site";
import { metricFields, rankSites, scenarioPresets, sensitivity, SitingInputError } from "@/server/siting/service";
import { publicProcedure, router } from "../init";

/** Most sites a robustness analysis takes (SMAA's memory grows with the square of the sites). */
export const MAX_SENSITIVITY_SITES = 1_000;

const Sites = (max: number) => z.array(Site).min(1, "add at least one site").max(max, `at most ${max.toLocaleString("en")} sites`);

function asInputError<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof SitingInputError) throw new TRPCError({ code: "BAD_REQUEST", message: err.message, cause: err });
    throw err;
  }
}

export const scoringRouter = router({
  /** Ranks sites under a scenario: score, rank, exclusions with reasons, per-criterion breakdown, metrics, method agreement. */
  rank: publicProcedure.input(z.object({ sites: Sites(MAX_SITES), scenario: Scenario }).strict()).query(({ input }) => asInputError(() => rankSites(input.sites, input.scenario))),
  /** Weight stability intervals and SMAA rank acceptability for the ranked sites. */
  sensitivity: publicProcedure
    .input(z.object({
      sites: Sites(MAX_SENSITIVITY_SITES),
      scenario: Scenario,
      samples: z.number().int().min(100).max(20_000).default(10_000),
      seed: z.number().int().min(0).max(2 ** 31 - 1).default(1),
    }).strict())
    .query(({ input }) => asInputError(() => sensitivity(input.sites, input.scenario, input.samples, input.seed))),
  /** Starting scenarios for the three users, with their reasoning. */
  presets: publicProcedure.query(() => scenarioPresets()),
  /** The engineering metrics a criterion can use (id, unit, direction, description). */
  metrics: publicProcedure.query(() => metricFields()),
});
