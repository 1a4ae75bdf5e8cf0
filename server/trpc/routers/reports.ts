import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { getDb } from "@/server/db";
import { ProjectForbidden, ProjectNotFound } from "@/server/db/projects";
import { ReportNotFound } from "@/server/db/reports";
import { createReport, getReport, projectReports, ReportInputError } from "@/server/reports/service";
import { publicProcedure, router } from "../init";

const Token = z.string().regex(/^[A-Za-z0-9_-]{22}$/, "must be a 22-character token");
const Id = z.string().regex(/^[A-Za-z0-9_-]{22}$/, "must be a 22-character id");
const ScenarioId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "must be 1–64 letters, digits, - or _");

/** Maps domain errors to API errors with the reason (input errors name the field). */
function apiError(err: unknown): never {
  if (err instanceof ReportInputError) throw new TRPCError({ code: "BAD_REQUEST", message: err.message, cause: err });
  if (err instanceof ProjectNotFound || err instanceof ReportNotFound) throw new TRPCError({ code: "NOT_FOUND", message: err.message });
  if (err instanceof ProjectForbidden) throw new TRPCError({ code: "FORBIDDEN", message: err.message });
  throw err;
}

export const reportsRouter = router({
  /**
   * Makes a report from a saved project and one of its scenarios (needs the write token): ranks the
   * sites, analyses robustness, assembles and stores the content. Returns the report id and the
   * report's own read-only share token (shown once).
   */
  create: publicProcedure
    .input(z.object({ projectId: Id, writeToken: Token, scenarioId: ScenarioId }).strict())
    .mutation(async ({ input }) => {
      try {
        return await createReport(await getDb(), input);
      } catch (err) {
        apiError(err);
      }
    }),
  /** Opens a report with the project's write or share token, or the report's own share token. */
  get: publicProcedure.input(z.object({ id: Id, token: Token }).strict()).query(async ({ input }) => {
    try {
      return await getReport(await getDb(), input.id, input.token);
    } catch (err) {
      apiError(err);
    }
  }),
  /** A project's reports, newest first (write or share token). */
  list: publicProcedure.input(z.object({ projectId: Id, token: Token }).strict()).query(async ({ input }) => {
    try {
      return { reports: await projectReports(await getDb(), input.projectId, input.token) };
    } catch (err) {
      apiError(err);
    }
  }),
});
