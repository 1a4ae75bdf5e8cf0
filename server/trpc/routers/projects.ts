import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { getDb } from "@/server/db";
import { createProject, loadProject, loadShared, ProjectConflict, ProjectForbidden, ProjectNotFound, saveProject } from "@/server/db/projects";
import { Scenario } from "@/server/schemas/scenario";
import { MAX_SITES, Site } from "@/server/schemas/site";
import { publicProcedure, router } from "../init";

const Token = z.string().regex(/^[A-Za-z0-9_-]{22}$/, "must be a 22-character project token");
const ProjectId = z.string().regex(/^[A-Za-z0-9_-]{22}$/, "must be a 22-character project id");

const Content = z.object({
  name: z.string().trim().min(1).max(200),
  sites: z.array(Site).max(MAX_SITES, `at most ${MAX_SITES} sites`)
    .refine((s) => new Set(s.map((x) => x.id)).size === s.length, { message: "site ids must be unique" }),
  scenarios: z.array(Scenario).max(50)
    .refine((s) => new Set(s.map((x) => x.id)).size === s.length, { message: "scenario ids must be unique" }),
}).strict();

/** Maps persistence errors to API errors with the reason. */
function apiError(err: unknown): never {
  if (err instanceof ProjectNotFound) throw new TRPCError({ code: "NOT_FOUND", message: err.message });
  if (err instanceof ProjectForbidden) throw new TRPCError({ code: "FORBIDDEN", message: err.message });
  if (err instanceof ProjectConflict) throw new TRPCError({ code: "CONFLICT", message: err.message });
  throw err;
}

/** Scenarios are stored as JSON: re-validate on the way out so a client always gets the current shape. */
function withScenarios<T extends { scenarios: { id: string; name: string; spec: unknown }[] }>(p: T) {
  return { ...p, scenarios: p.scenarios.map((s) => Scenario.parse(s.spec)) };
}

export const projectsRouter = router({
  /** Creates an empty project; the write token is returned once and must be kept by the client. */
  create: publicProcedure.input(z.object({ name: z.string().trim().min(1).max(200) }).strict()).mutation(async ({ input }) => createProject(await getDb(), input.name)),
  /** Opens a project with its write token (editable) or share token (read-only). */
  get: publicProcedure.input(z.object({ id: ProjectId, token: Token }).strict()).query(async ({ input }) => {
    try {
      const { project, access } = await loadProject(await getDb(), input.id, input.token);
      return { project: withScenarios(project), access };
    } catch (err) {
      apiError(err);
    }
  }),
  /** Opens a project by its read-only share token. */
  shared: publicProcedure.input(z.object({ shareToken: Token }).strict()).query(async ({ input }) => {
    try {
      return { project: withScenarios(await loadShared(await getDb(), input.shareToken)), access: "read" as const };
    } catch (err) {
      apiError(err);
    }
  }),
  /** Saves the whole project if `expectedVersion` is current (else CONFLICT); returns the new version. */
  save: publicProcedure
    .input(z.object({ id: ProjectId, writeToken: Token, expectedVersion: z.number().int().min(1), content: Content }).strict())
    .mutation(async ({ input }) => {
      try {
        return await saveProject(await getDb(), input.id, input.writeToken, input.expectedVersion, {
          name: input.content.name,
          sites: input.content.sites,
          scenarios: input.content.scenarios.map((s) => ({ id: s.id, name: s.name, spec: s })),
        });
      } catch (err) {
        apiError(err);
      }
    }),
});
