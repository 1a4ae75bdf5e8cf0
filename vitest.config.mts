import { defineConfig } from "vitest/config";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  resolve: { alias: { "@": root } },
  test: {
    include: ["tests/{unit,api,property}/**/*.test.ts"],
    environment: "node",
    setupFiles: ["tests/setup/env.ts"],
    testTimeout: 30_000,
    pool: "forks",
  },
});
