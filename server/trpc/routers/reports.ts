import { z } from "zod";
import { createReport, getReport, projectReports } from "@/server/reports/storedReports";
import { tokenSchema } from "@/server/schemas/token";
import { publicProcedure, router } from "../init";

const Token = tokenSchema("token");
const Id = tokenSchema("id");
const ScenarioId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "must be 1–64 letters, digits, - or _");

export const reportsRouter = router({
  /**
   * Makes a report from a saved project and one of its scenarios (needs the write token): ranks the
   * sites, analyses robustness, assembles and stores the content. Returns the report id and the
   * report's own read-only share token (shown once).
   */
  create: publicProcedure
    .input(z.object({ projectId: Id, writeToken: Token, scenarioId: ScenarioId }).strict())
    .mutation(async ({ ctx, input }) => createReport(ctx.layers, await ctx.db(), input)),
  /** Opens a report with the project's write or share token, or the report's own share token. */
  get: publicProcedure.input(z.object({ id: Id, token: Token }).strict()).query(async ({ ctx, input }) => getReport(await ctx.db(), input.id, input.token)),
  /** A project's reports, newest first (write or share token). */
  list: publicProcedure.input(z.object({ projectId: Id, token: Token }).strict()).query(async ({ ctx, input }) => ({ reports: await projectReports(await ctx.db(), input.projectId, input.token) })),
});
