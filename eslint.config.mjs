// Lint rules that keep the architecture of ../shared/DESIGN.md §3 true as the code grows.
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";

const noApp = (message) => ({ group: ["@/app/*", "@/components/*", "@/server/trpc/*", "next", "next/*", "react", "react-dom"], message });

export default tseslint.config(
  { ignores: [".next/**", "node_modules/**", "public/vendor/**", "coverage/**", "next-env.d.ts", "artifacts/**", "**/*.tmp.*", ".data/**"] },
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
    },
  },
  {
    files: ["components/**/*.{ts,tsx}", "app/**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    rules: { "react-hooks/rules-of-hooks": "error", "react-hooks/exhaustive-deps": "error" },
  },
  {
    // The scoring core is pure: no app code, no transport, no Node-only modules.
    files: ["server/scoring/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", {
        patterns: [
          { group: ["@/*", "../*", "!./*"], message: "server/scoring imports nothing else of the app." },
          { group: ["node:*", "fs", "path", "os", "crypto", "worker_threads", "child_process"], message: "server/scoring must run in the browser: no Node-only modules." },
        ],
      }],
    },
  },
  {
    // Domain code stays free of transport and UI.
    files: ["server/layers/**/*.ts", "server/models/**/*.ts", "server/sites/**/*.ts", "server/siting/**/*.ts", "server/strategy/**/*.ts", "server/reports/**/*.ts", "server/db/**/*.ts", "server/schemas/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [noApp("Domain code must not import transport (server/trpc, Next) or UI.")] }],
    },
  },
  {
    // Components reach the server only through the tRPC client, the pure scoring core and shared schemas.
    files: ["components/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": ["error", {
        patterns: [{
          regex: "^@/server/(?!scoring(/|$)|schemas(/|$)|trpc/root$)",
          message: "Components reach the server through the tRPC client (types from @/server/trpc/root), the pure scoring core or shared schemas.",
        }],
      }],
    },
  },
  {
    // The data pipeline is a separate program: it imports nothing of the running app.
    files: ["data/pipeline/**/*.ts"],
    // layers/coolingPrecompute.ts runs the server's models on the built files (see .dependency-cruiser.cjs).
    ignores: ["data/pipeline/layers/coolingPrecompute.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["@/server/*", "@/app/*", "@/components/*", "../../server/*", "../../app/*"], message: "data/pipeline imports nothing of the running app." }] }],
    },
  },
);
