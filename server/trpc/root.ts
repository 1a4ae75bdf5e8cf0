import { createCallerFactory, router } from "./init";
import { layersRouter } from "./routers/layers";
import { metaRouter } from "./routers/meta";
import { projectsRouter } from "./routers/projects";
import { reportsRouter } from "./routers/reports";
import { scoringRouter } from "./routers/scoring";
import { sitesRouter } from "./routers/sites";
import { strategyRouter } from "./routers/strategy";
import { surfaceRouter } from "./routers/surface";

/** The API: one thin router per domain. */
export const appRouter = router({
  meta: metaRouter,
  layers: layersRouter,
  sites: sitesRouter,
  projects: projectsRouter,
  scoring: scoringRouter,
  reports: reportsRouter,
  surface: surfaceRouter,
  strategy: strategyRouter,
});

export type AppRouter = typeof appRouter;

/** Server-side caller (tests, benches): `createCaller(internalContext("test"))` (server/trpc/context.ts). */
export const createCaller = createCallerFactory(appRouter);
