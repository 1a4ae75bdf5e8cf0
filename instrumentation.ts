/**
 * Runs once when the Next.js server starts: loads the layer data and computes (or reads from the
 * disk cache) the model layers in the background, so the first map click does not wait for them.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.SITING_NO_WARMUP) return;
  const { warmLayers } = await import("@/server/layers/warmup");
  setTimeout(() => {
    try {
      warmLayers();
    } catch (err) {
      console.error("layer warm-up failed:", err);
    }
  }, 0);
}
