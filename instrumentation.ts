/**
 * Runs once when the Next.js server starts: loads the layer data and computes (or reads from the
 * disk cache) the model layers and cooling grids in the background, so the first map click and the
 * first suitability surface do not wait for them. SITING_NO_WARMUP=1 skips it (browser tests).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // Open (and migrate) the database before serving: with several workers (scripts/serve.mjs), the
  // first one migrates before the next starts; a bad DATABASE_URL fails the start, not a request.
  const { getDb } = await import("@/server/db");
  await getDb();
  if (process.env.SITING_NO_WARMUP) return;
  const { layerStore } = await import("@/server/layers/bundledStore");
  const { warmModelLayers } = await import("@/server/siting/modelLayers");
  const { warmSurfaces } = await import("@/server/siting/surfaceQueries");
  setTimeout(() => {
    try {
      warmModelLayers(layerStore());
    } catch (err) {
      console.error("layer warm-up failed:", err);
    }
    // The surfaces' model grids per cooling archetype: read from the pipeline's precomputed columns
    // (data/layers/precomputed, a second or two); computed (about a minute per archetype) only for
    // a data build or model without them.
    void warmSurfaces(layerStore()).catch((err) => console.error("surface warm-up failed:", err));
  }, 0);
}
