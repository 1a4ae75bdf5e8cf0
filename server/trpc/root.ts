import { createCallerFactory, router } from "./init";
import { layersRouter } from "./routers/layers";
import { metaRouter } from "./routers/meta";

/** The API: one thin router per domain. */
export const appRouter = router({
  meta: metaRouter,
  layers: layersRouter,
});

export type AppRouter = typeof appRouter;

/** Server-side caller (tests, report rendering): `createCaller({ clientId: "internal" })`. */
export const createCaller = createCallerFactory(appRouter);
