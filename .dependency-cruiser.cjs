/**
 * The import order of the code (ARCHITECTURE.md), checked by `npm run lint:deps` (part of
 * `npm test`). Each tier may import the tiers below it, never one above or a sibling:
 *
 *   app, pages → components → trpc → http → reports | strategy → documents → siting → sites
 *     → models | layers → scoring
 *
 * with db, schemas, errors and env beside them (importable from any server tier, importing only
 * downwards themselves), and data/pipeline a separate program (it shares data/lib and data/schema
 * with the server, nothing else). Type-only imports count: a type import is still a dependency a
 * reader has to follow.
 */

/** Tiers from the top. Folders in one tier are siblings and must not import each other. */
const TIERS = [
  ["app", "pages"],
  ["components"],
  ["server/trpc"],
  // File routes (surface, downloads) and the transport guards the tRPC route shares (rate limits).
  ["server/http"],
  ["server/reports", "server/strategy"],
  ["server/documents"],
  ["server/siting"],
  ["server/sites"],
  ["server/models", "server/layers"],
  ["server/scoring"],
];

const path = (folder) => `^${folder.replace("/", "\\/")}/`;
const anyOf = (folders) => `^(${folders.map((f) => f.replace("/", "\\/")).join("|")})/`;

/** No tier imports one above it. */
const upward = TIERS.flatMap((tier, i) => (i === 0 ? [] : [{
  name: `no-upward-from-${tier.join("+").replace(/\//g, "-")}`,
  comment: `${tier.join(", ")} may only import tiers below it (ARCHITECTURE.md).`,
  severity: "error",
  from: { path: anyOf(tier) },
  to: { path: anyOf(TIERS.slice(0, i).flat()) },
}]));

/** Siblings in a tier stay apart (reports and strategy share through server/documents). */
const siblings = TIERS.filter((t) => t.length > 1 && t[0] !== "app").flatMap((tier) => tier.map((folder) => ({
  name: `no-sibling-${folder.replace(/\//g, "-")}`,
  comment: `${folder} must not import its sibling ${tier.filter((f) => f !== folder).join(", ")}: move what they share one tier down.`,
  severity: "error",
  from: { path: path(folder) },
  to: { path: anyOf(tier.filter((f) => f !== folder)) },
})));

const ALL_TIERS = TIERS.flat();

module.exports = {
  forbidden: [
    {
      name: "no-circular",
      comment: "Import cycles make an order of reading impossible.",
      severity: "error",
      from: {},
      to: { circular: true },
    },
    ...upward,
    ...siblings,
    {
      name: "beside-stays-beside",
      comment: "db, schemas, errors and env sit beside the tiers: they import none of the tiers above models.",
      severity: "error",
      from: { path: "^server/(db|schemas|errors|env)" },
      to: { path: anyOf(ALL_TIERS.filter((f) => !["server/models", "server/scoring"].includes(f))) },
    },
    {
      name: "scoring-is-pure",
      comment: "The scoring core imports nothing else of the app (it runs in the browser worker too).",
      severity: "error",
      from: { path: "^server/scoring/" },
      to: { path: "^(server|app|components|pages|data)/", pathNot: "^server/scoring/" },
    },
    {
      name: "pipeline-apart",
      comment: "data/pipeline is its own program: it shares data/lib and data/schema with the server, nothing else. One exception: layers/coolingPrecompute.ts runs the server's models (through server/siting/precompute.ts and the layer store) on the files just built, so precomputed grids cannot drift from the models.",
      severity: "error",
      from: { path: "^data/pipeline/", pathNot: "^data/pipeline/layers/coolingPrecompute\\.ts$" },
      to: { path: "^(server|app|components|pages)/" },
    },
    {
      name: "pipeline-precompute-narrow",
      comment: "The precompute step reaches the app only through the precompute, its format and the layer store.",
      severity: "error",
      from: { path: "^data/pipeline/layers/coolingPrecompute\\.ts$" },
      to: { path: "^(server|app|components|pages)/", pathNot: "^server/(siting/precompute|layers/precomputed|layers/store)\\.ts$" },
    },
    {
      name: "app-not-on-pipeline",
      comment: "The running app never imports the data pipeline.",
      severity: "error",
      from: { path: "^(server|app|components|pages)/" },
      to: { path: "^data/pipeline/" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "(^|/)(node_modules|\\.next|public/vendor)/" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["import", "require", "node", "default"] },
  },
};
