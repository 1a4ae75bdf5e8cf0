import { z } from "zod";
import { createProject, loadProject, loadShared, saveProject } from "@/server/db/projects";
import { Scenario } from "@/server/schemas/scenario";
import { MAX_SITES, Site } from "@/server/schemas/site";
import { tokenSchema } from "@/server/schemas/token";
import { publicProcedure, router } from "../init";

const Token = tokenSchema("project token");
const ProjectId = tokenSchema("project id");

const Content = z.object({
  name: z.string().trim().min(1).max(200),
  sites: z.array(Site).max(MAX_SITES, `at most ${MAX_SITES} sites`)
    .refine((s) => new Set(s.map((x) => x.id)).size === s.length, { message: "site ids must be unique" }),
  scenarios: z.array(Scenario).max(50)
    .refine((s) => new Set(s.map((x) => x.id)).size === s.length, { message: "scenario ids must be unique" }),
}).strict();

/** Scenarios are stored as JSON: re-validate on the way out so a client always gets the current shape. */
function withScenarios<T extends { scenarios: { id: string; name: string; spec: unknown }[] }>(p: T) {
  return { ...p, scenarios: p.scenarios.map((s) => Scenario.parse(s.spec)) };
}

/** Projects; an unknown id is NOT_FOUND, a token that does not open it FORBIDDEN, a stale save CONFLICT (server/errors.ts). */
export const projectsRouter = router({
  /** Creates an empty project; the write token is returned once and must be kept by the client. */
  create: publicProcedure.input(z.object({ name: z.string().trim().min(1).max(200) }).strict()).mutation(async ({ ctx, input }) => createProject(await ctx.db(), input.name)),
  /** Opens a project with its write token (editable) or share token (read-only). */
  get: publicProcedure.input(z.object({ id: ProjectId, token: Token }).strict()).query(async ({ ctx, input }) => {
    const { project, access } = await loadProject(await ctx.db(), input.id, input.token);
    return { project: withScenarios(project), access };
  }),
  /** Opens a project by its read-only share token. */
  shared: publicProcedure.input(z.object({ shareToken: Token }).strict()).query(async ({ ctx, input }) => (
    { project: withScenarios(await loadShared(await ctx.db(), input.shareToken)), access: "read" as const }
  )),
  /** Saves the whole project if `expectedVersion` is current (else CONFLICT); returns the new version. */
  save: publicProcedure
    .input(z.object({ id: ProjectId, writeToken: Token, expectedVersion: z.number().int().min(1), content: Content }).strict())
    .mutation(async ({ ctx, input }) => saveProject(await ctx.db(), input.id, input.writeToken, input.expectedVersion, {
      name: input.content.name,
      sites: input.content.sites,
      scenarios: input.content.scenarios.map((s) => ({ id: s.id, name: s.name, spec: s })),
    })),
});
