/**
 * The no-nc build profile leaves every non-commercial dataset out and lists the layers that depend
 * on them as missing with a reason. Runs the real pipeline (about 10 s); skipped without raw data.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildLayers, DEFAULT_RAW_DIR } from "@/data/pipeline/build";
import { compareTrees } from "@/data/pipeline/check";

const raw = process.env.DATA_RAW_DIR ?? DEFAULT_RAW_DIR;

describe.skipIf(!existsSync(raw))("build profiles", () => {
  it("no-nc drops non-commercial sources and marks their layers missing", () => {
    const out = mkdtempSync(path.join(os.tmpdir(), "siting-no-nc-"));
    try {
      // Without the model precompute (about 80 s more; it does not depend on the profile).
      const m = buildLayers({ rawDir: raw, outDir: out, profile: "no-nc", precompute: false });
      expect(m.sources.some((s) => s.nonCommercial)).toBe(false);
      const ix = m.layers.find((l) => l.id === "connectivity.nearest_ix_km")!;
      expect(ix.quality).toBe("missing");
      expect(ix.missingReason).toMatch(/non-commercial/);
      expect(m.layers.find((l) => l.id === "carbon.grid_intensity")!.quality).toBe("observed");
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 120_000);

  it("compareTrees reports changed, missing and extra files", () => {
    const a = mkdtempSync(path.join(os.tmpdir(), "siting-cmp-a-"));
    const b = mkdtempSync(path.join(os.tmpdir(), "siting-cmp-b-"));
    try {
      writeFileSync(path.join(a, "same.bin"), "x");
      writeFileSync(path.join(b, "same.bin"), "x");
      writeFileSync(path.join(a, "changed.bin"), "1");
      writeFileSync(path.join(b, "changed.bin"), "2");
      writeFileSync(path.join(a, "gone.bin"), "g");
      writeFileSync(path.join(b, "new.bin"), "n");
      expect(compareTrees(a, b).sort()).toEqual(["differs: changed.bin", "missing from rebuild: gone.bin", "not committed: new.bin"]);
    } finally {
      rmSync(a, { recursive: true, force: true });
      rmSync(b, { recursive: true, force: true });
    }
  });
});
