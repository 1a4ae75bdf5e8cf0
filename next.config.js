// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // The layer files are read from disk at run time by server/layers; keep them out of the bundle
  // but ship them with the server output.
  outputFileTracingIncludes: { "/api/**": ["./data/layers/**"] },
  // Native or WebAssembly packages loaded from node_modules at run time rather than bundled.
  serverExternalPackages: ["better-sqlite3", "highs"],
  poweredByHeader: false,
  // The build type-checks the app only; \`npm test\` type-checks everything (tests, bench, pipeline) with tsc.
  typescript: { tsconfigPath: "tsconfig.next.json" },
};
module.exports = nextConfig;
