/**
 * Loads @react-pdf/renderer and registers the report fonts, once per process.
 *
 * Why a dynamic import: @react-pdf/renderer and its dependencies are ES modules only (their
 * `exports` have no "require" condition). Next.js and vitest load this file as an ES module and would
 * be fine with a static import, but `tsx` runs the scripts and benchmarks of this repository as
 * CommonJS (package.json has no "type": "module"), where a static import becomes `require()` and
 * fails inside @react-pdf/textkit. `import()` works in all three.
 *
 * Fonts are local files, never fetched: Noto Sans TTF (static instances, full Latin, Latin Extended,
 * Greek and Cyrillic coverage; SIL Open Font License 1.1) from the npm package
 * @expo-google-fonts/noto-sans. The PDF embeds only the glyphs it uses.
 */
import path from "node:path";
import type * as ReactPdfModule from "@react-pdf/renderer";

export type ReactPdf = typeof ReactPdfModule;

export const FONT_FAMILY = "Noto Sans";
/** Fallback for symbols Noto Sans lacks (≤ ≥ → ≈ …): DejaVu Sans TTF from the npm package dejavu-fonts-ttf (Bitstream Vera licence, changes public domain). */
export const FALLBACK_FAMILY = "DejaVu Sans";
/** The font stack every text uses: react-pdf takes each glyph from the first family that has it. */
export const FONT_STACK = [FONT_FAMILY, FALLBACK_FAMILY];

const FONT_DIR = ["node_modules", "@expo-google-fonts", "noto-sans"];

/** Absolute path of a Noto Sans TTF shipped by @expo-google-fonts/noto-sans (e.g. "400Regular"). */
export function fontFile(weight: "400Regular" | "700Bold" | "400Regular_Italic"): string {
  return path.join(process.cwd(), ...FONT_DIR, weight, `NotoSans_${weight}.ttf`);
}

let loaded: Promise<ReactPdf> | null = null;
let module_: ReactPdf | null = null;

export function loadReactPdf(): Promise<ReactPdf> {
  loaded ??= import("@react-pdf/renderer").then(async (m) => {
    m.Font.register({
      family: FONT_FAMILY,
      fonts: [
        { src: fontFile("400Regular"), fontWeight: 400 },
        { src: fontFile("700Bold"), fontWeight: 700 },
        { src: fontFile("400Regular_Italic"), fontWeight: 400, fontStyle: "italic" },
      ],
    });
    m.Font.register({
      family: FALLBACK_FAMILY,
      fonts: [
        { src: path.join(process.cwd(), "node_modules", "dejavu-fonts-ttf", "ttf", "DejaVuSans.ttf"), fontWeight: 400 },
        { src: path.join(process.cwd(), "node_modules", "dejavu-fonts-ttf", "ttf", "DejaVuSans-Bold.ttf"), fontWeight: 700 },
        { src: path.join(process.cwd(), "node_modules", "dejavu-fonts-ttf", "ttf", "DejaVuSans-Oblique.ttf"), fontWeight: 400, fontStyle: "italic" },
      ],
    });
    // Words are never hyphenated (site names, units and hashes must stay whole).
    m.Font.registerHyphenationCallback((word) => [word]);
    await memoiseShaping(m);
    module_ = m;
    return m;
  });
  return loaded;
}

/** Most shaped strings kept per font (each a few hundred bytes). */
const SHAPING_CACHE_SIZE = 20_000;

interface Shapeable { layout: (text: string, features?: unknown, script?: string, language?: string, direction?: string) => unknown }

/**
 * Text shaping (fontkit `layout`, OpenType GSUB/GPOS) is the largest single cost of laying out a
 * report: a 50-site report sets about 10,000 short texts, most of them repeated (column heads, units,
 * quality labels, month names). Shaping depends only on the string, the features and the direction,
 * and its result is read, not changed (@react-pdf/textkit copies the positions it scales; the one
 * in-place edit, of inline attachments' glyphs, concerns images in text, which reports do not use), so
 * each font's results are cached by those arguments.
 */
async function memoiseShaping(m: ReactPdf): Promise<void> {
  for (const family of [FONT_FAMILY, FALLBACK_FAMILY]) {
    for (const d of [{ fontWeight: 400 }, { fontWeight: 700 }, { fontWeight: 400, fontStyle: "italic" }] as const) {
      const source = m.Font.getFont({ fontFamily: family, ...d }) as unknown as { load(): Promise<void>; data: Shapeable | null } | undefined;
      if (!source) continue;
      await source.load();
      const font = source.data;
      if (!font || (font as { __memoised?: boolean }).__memoised) continue;
      const layout = font.layout.bind(font);
      const cache = new Map<string, unknown>();
      font.layout = (text, features, script, language, direction) => {
        const key = `${direction ?? ""}|${script ?? ""}|${language ?? ""}|${features ? JSON.stringify(features) : ""}|${text}`;
        let run = cache.get(key);
        if (run === undefined) {
          run = layout(text, features, script, language, direction);
          if (cache.size >= SHAPING_CACHE_SIZE) cache.clear();
          cache.set(key, run);
        }
        return run;
      };
      (font as { __memoised?: boolean }).__memoised = true;
    }
  }
}

/** The loaded module, for components rendered after {@link loadReactPdf} resolved. */
export function rp(): ReactPdf {
  if (!module_) throw new Error("@react-pdf/renderer is not loaded: await loadReactPdf() first");
  return module_;
}
