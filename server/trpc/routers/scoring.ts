import { z } from "zod";
import { Scenario } from "@/server/schemas/scenario";
import { MAX_SITES, Site } from "@/server/schemas/site";
import { metricFields, rankSites, scenarioPresets, sensitivity } from "@/server/siting/siteRanking";
import { publicProcedure, router } from "../init";

/** Most sites a robustness analysis takes (SMAA's memory grows with the square of the sites). */
export const MAX_SENSITIVITY_SITES = 1_000;

const Sites = (max: number) => z.array(Site).min(1, "add at least one site").max(max, `at most ${max.toLocaleString("en")} sites`);

export const scoringRouter = router({
  /** Ranks sites under a scenario: score, rank, exclusions with reasons, per-criterion breakdown, metrics, method agreement. */
  rank: publicProcedure.input(z.object({ sites: Sites(MAX_SITES), scenario: Scenario }).strict()).query(({ ctx, input }) => rankSites(ctx.layers, input.sites, input.scenario)),
  /** Weight stability intervals and SMAA rank acceptability for the ranked sites. */
  sensitivity: publicProcedure
    .input(z.object({
      sites: Sites(MAX_SENSITIVITY_SITES),
      scenario: Scenario,
      samples: z.number().int().min(100).max(20_000).default(10_000),
      seed: z.number().int().min(0).max(2 ** 31 - 1).default(1),
    }).strict())
    .query(({ ctx, input }) => sensitivity(ctx.layers, input.sites, input.scenario, input.samples, input.seed)),
  /** Starting scenarios for the three users, with their reasoning. */
  presets: publicProcedure.query(({ ctx }) => scenarioPresets(ctx.layers)),
  /** The engineering metrics a criterion can use (id, unit, direction, description). */
  metrics: publicProcedure.query(() => metricFields()),
});
