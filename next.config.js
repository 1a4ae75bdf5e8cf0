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
  // Security headers on every response (pages also get a per-request nonce CSP from proxy.ts).
  async headers() {
    return [{
      source: "/:path*",
      headers: [
        { key: "X-Content-Type-Options", value: "nosniff" },
        { key: "X-Frame-Options", value: "DENY" },
        // Share links carry their token in the path: never send it to other sites as a referrer.
        { key: "Referrer-Policy", value: "no-referrer" },
        { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
        { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
      ],
    }];
  },
};
module.exports = nextConfig;
