/**
 * The engine runs in a browser-like environment: it is bundled for the browser with Vite (the
 * same bundler family the app uses; Node built-ins would be replaced by empty browser stubs or
 * fail the build), and the bundle is executed in a fresh `node:vm` context that has only the
 * standard JavaScript globals — no `require`, `process`, `Buffer`, `module` or Node timers. Any
 * use of a Node-only API would throw there. (Neither happy-dom nor jsdom is installed.)
 */
import path from "node:path";
import vm from "node:vm";
import { fileURLToPath } from "node:url";
import { build, type Rollup } from "vite";
import { beforeAll, describe, expect, it } from "vitest";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
let code = "";

beforeAll(async () => {
  const out = await build({
    configFile: false,
    logLevel: "silent",
    root,
    build: {
      write: false,
      minify: false,
      lib: { entry: path.join(root, "server/scoring/index.ts"), formats: ["iife"], name: "SitingScoring", fileName: "scoring" },
    },
  });
  const outputs = (Array.isArray(out) ? out : [out]) as Rollup.RollupOutput[];
  const chunk = outputs.flatMap((o) => o.output).find((c): c is Rollup.OutputChunk => c.type === "chunk");
  code = chunk?.code ?? "";
}, 60_000);

describe("scoring engine in a browser-like environment", () => {
  it("bundles for the browser without Node built-ins", () => {
    expect(code.length).toBeGreaterThan(10_000);
    expect(code).not.toMatch(/\brequire\s*\(/);
    expect(code).not.toMatch(/\bprocess\./);
    expect(code).not.toMatch(/__vite-browser-external/);
  });

  it("runs in a context without require, process or Buffer and gives the same answers", () => {
    const context = vm.createContext({});
    expect(vm.runInContext("typeof require + typeof process + typeof Buffer + typeof module", context)).toBe("undefinedundefinedundefinedundefined");
    vm.runInContext(code, context);
    const result = vm.runInContext(
      `(() => {
        const S = SitingScoring;
        const p = { matrix: [[2.0, 1500, 20000, 5.5, 5, 9], [2.5, 2700, 18000, 6.5, 3, 5], [1.8, 2000, 21000, 4.5, 7, 7], [2.2, 1800, 20000, 5.0, 5, 5]],
          types: ["benefit", "benefit", "benefit", "cost", "benefit", "benefit"], weights: [0.2, 0.1, 0.1, 0.1, 0.2, 0.3] };
        const t = S.topsis(p);
        const s = S.smaa([[1, 0, 0], [0, 1, 0], [0, 0, 1]], { samples: 2000, seed: 1 });
        let code = null;
        try { S.wsm({ ...p, weights: [1, 1, 1, 1, 1, -1] }); } catch (e) { code = e instanceof S.ScoringError ? e.code : "other"; }
        return JSON.stringify({ closeness: t.closeness, ranking: t.ranking, smaaRow: s.rankAcceptability[0], code });
      })()`,
      context,
    ) as string;
    const r = JSON.parse(result) as { closeness: number[]; ranking: number[]; smaaRow: number[]; code: string };
    expect(r.ranking).toEqual([1, 4, 2, 3]);
    r.closeness.forEach((c, i) => expect(c).toBeCloseTo([0.643277, 0.268384, 0.613542, 0.312291][i]!, 5));
    expect(r.smaaRow.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(r.code).toBe("NEGATIVE_WEIGHT");
  });
});
