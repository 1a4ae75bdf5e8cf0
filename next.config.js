// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // The layer files are read from disk at run time by server/layers; keep them out of the bundle
  // but ship them with the server output.
  outputFileTracingIncludes: { "/api/**": ["./data/layers/**"] },
  serverExternalPackages: ["better-sqlite3"],
  poweredByHeader: false,
};
module.exports = nextConfig;
