// Copies the browser assets that must be served from our own origin (no CDN, no network):
// the maplibre-gl worker (v6 resolves it relative to import.meta.url, which breaks once bundled)
// and the Noto Sans font files used by the map style's `font-faces` for offline labels.
import { copyFileSync, mkdirSync, readdirSync } from "node:fs";
import path from "node:path";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const vendor = path.join(root, "public", "vendor");
mkdirSync(path.join(vendor, "fonts"), { recursive: true });

copyFileSync(
  path.join(root, "node_modules/maplibre-gl/dist/maplibre-gl-worker.mjs"),
  path.join(vendor, "maplibre-gl-worker.mjs"),
);
const fontDir = path.join(root, "node_modules/@fontsource/noto-sans/files");
for (const file of readdirSync(fontDir)) {
  if (/^noto-sans-(latin|latin-ext|cyrillic|greek)-(400|600)-normal\.woff2$/.test(file)) {
    copyFileSync(path.join(fontDir, file), path.join(vendor, "fonts", file));
  }
}
