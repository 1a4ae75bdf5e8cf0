/**
 * The pipeline's last step: precomputes the model grids the server would otherwise compute on a
 * fresh install (issue 16, item 1) — the cooling model per archetype (PUE without the fixed
 * overhead, peak PUE, WUE; quantised uint16), the climate and risk model layers (float32) and the
 * distance layers' cell columns (uint16 km) — and writes them with an index under `precomputed/`
 * (layout: server/layers/precomputed.ts).
 *
 * The one place the pipeline runs app code, deliberately (an exception in .dependency-cruiser.cjs and
 * eslint.config.mjs): the values must be exactly the server's models on exactly the layer files the
 * server reads, so it opens the freshly written folder with the server's store and runs the server's
 * models, rather than keeping a second copy of them that could drift. About 80 s of one core.
 */
import { COOLING_COLUMNS, PRECOMPUTED_DIR, PRECOMPUTED_INDEX, type PrecomputedIndex } from "@/server/layers/precomputed";
import { precomputeGrids } from "@/server/siting/precompute";
import { LayerStore } from "@/server/layers/store";
import type { Manifest } from "../../schema/manifest";
import type { OutputWriter } from "../lib/output";

const DESCRIPTION = "Per-cell grids precomputed by the data pipeline (server/layers/precomputed.ts): per cooling archetype, uint16 columns of annual PUE without the fixed overhead, peak PUE and WUE; model layers as float32; distance layers as uint16 km from the cell centre. Value = stored × scale + offset, 65535 = no value; one value per land cell in land-cell order.";

/** Writes `precomputed/` for the layers just written to `outDir` (manifest already on disk). */
export function writePrecomputedGrids(out: OutputWriter, outDir: string, manifest: Manifest, log: (msg: string) => void): PrecomputedIndex {
  const store = new LayerStore(outDir, manifest, null);
  const grids = precomputeGrids(store, log);
  const index: PrecomputedIndex = {
    schemaVersion: 1,
    inputsHash: manifest.inputsHash,
    modelGridVersion: grids.modelGridVersion,
    description: DESCRIPTION,
    models: grids.models.map((m) => ({ layerId: m.layerId, file: out.writeArray(`${PRECOMPUTED_DIR}/model/${m.layerId}.f32`, m.values) })),
    cooling: grids.cooling.map((c) => {
      const col = (name: keyof typeof COOLING_COLUMNS) => out.writeArray(`${PRECOMPUTED_DIR}/cooling/${c.archetype}.${name}.u16`, c.columns[name], {
        scale: COOLING_COLUMNS[name].scale, offset: COOLING_COLUMNS[name].offset, nodata: 65535,
      });
      return { archetype: c.archetype, fingerprint: c.fingerprint, pueBase: col("pueBase"), puePeak: col("puePeak"), wue: col("wue") };
    }),
    distances: grids.distances.map((d) => ({ layerId: d.layerId, file: out.writeArray(`${PRECOMPUTED_DIR}/distance/${d.layerId}.u16`, d.values, { scale: d.scale, nodata: 65535 }) })),
  };
  out.writeJson(PRECOMPUTED_INDEX, index, true);
  return index;
}
