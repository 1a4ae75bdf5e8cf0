/**
 * Specification of data/curated/data-protection.csv, the hand-curated table behind the
 * `sovereignty.regime` and `sovereignty.localization` layers (issue 2, item 4).
 * The table and its enums are documented in data/curated/README.md.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const REPO_DIR = path.resolve(__dirname, "../../..");
const CSV_PATH = path.join(REPO_DIR, "data/curated/data-protection.csv");
const RAW_DIR = path.resolve(process.env.DATA_RAW_DIR ?? path.join(REPO_DIR, "../shared/datasets"));
const NE_FILES = ["ne_50m_admin_0_countries.json", "ne_110m_admin_0_countries.json"].map((f) => path.join(RAW_DIR, "natural-earth", f));
const HAVE_NE = NE_FILES.every((f) => existsSync(f));

const HEADER = [
  "adm0_a3", "iso_a3", "iso_a2", "name", "regime", "localization", "law", "law_year", "authority",
  "adequacy", "localization_basis", "citation_title", "citation_url", "as_of", "notes",
] as const;
type Column = (typeof HEADER)[number];
type Row = Record<Column, string>;

const REGIMES = ["eu_eea_gdpr", "eu_adequacy", "comprehensive", "partial_or_draft", "none"];
const LOCALIZATIONS = ["none", "sectoral", "mirroring", "strict"];

const EU27 = [
  "AUT", "BEL", "BGR", "HRV", "CYP", "CZE", "DNK", "EST", "FIN", "FRA", "DEU", "GRC", "HUN", "IRL",
  "ITA", "LVA", "LTU", "LUX", "MLT", "NLD", "POL", "PRT", "ROU", "SVK", "SVN", "ESP", "SWE",
];
const EEA_EFTA = ["ISL", "LIE", "NOR"];
/** Parts of EU member states that are NE features of their own and inside the EU: Åland (FI), Saint-Martin (FR). */
const EU_TERRITORIES = ["ALD", "MAF"];
/** Natural Earth gives -99 for these although ISO 3166-1 assigns codes; the table records the official codes. */
const ISO_OVERRIDES: Record<string, [string, string]> = { FRA: ["FRA", "FR"], NOR: ["NOR", "NO"] };

/** Minimal RFC 4180 parser: quoted fields, doubled quotes, CRLF or LF record ends. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"') {
      if (field !== "") throw new Error(`stray quote in record ${records.length + 1}`);
      quoted = true;
    } else if (c === ",") {
      record.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      record.push(field);
      records.push(record);
      record = [];
      field = "";
    } else field += c;
  }
  if (quoted) throw new Error("unterminated quoted field");
  if (field !== "" || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
}

const raw = readFileSync(CSV_PATH, "utf8");
const records = parseCsv(raw);
const header = records[0] ?? [];
const rows: Row[] = records.slice(1).map((r) => Object.fromEntries(HEADER.map((h, i) => [h, r[i] ?? ""])) as Row);
const byKey = new Map(rows.map((r) => [r.adm0_a3, r]));
const get = (k: string): Row => {
  const r = byKey.get(k);
  if (!r) throw new Error(`no row for ${k}`);
  return r;
};

interface NeProps { ADM0_A3: string; ISO_A3_EH: string; ISO_A2: string; NAME_LONG: string }
const neProps = (file: string): NeProps[] =>
  (JSON.parse(readFileSync(file, "utf8")) as { features: { properties: NeProps }[] }).features.map((f) => f.properties);

describe("data-protection.csv: file format", () => {
  it("is UTF-8 without BOM, LF line ends and a final newline", () => {
    expect(raw.charCodeAt(0)).not.toBe(0xfeff);
    expect(raw.includes("\r")).toBe(false);
    expect(raw.endsWith("\n")).toBe(true);
  });

  it("has the documented header and 15 fields in every record", () => {
    expect(header).toEqual([...HEADER]);
    for (const [i, r] of records.entries()) expect(r.length, `record ${i + 1}`).toBe(HEADER.length);
  });

  it("has one row per adm0_a3, sorted, with no duplicates", () => {
    const keys = rows.map((r) => r.adm0_a3);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toEqual([...keys].sort());
    for (const k of keys) expect(k).toMatch(/^[A-Z]{3}$/);
  });

  it("has no leading or trailing whitespace in any field", () => {
    for (const r of rows) for (const h of HEADER) expect(r[h], `${r.adm0_a3}.${h}`).toBe(r[h].trim());
  });
});

describe.skipIf(!HAVE_NE)(`data-protection.csv: coverage of Natural Earth admin-0 (${RAW_DIR})`, () => {
  const ne50 = HAVE_NE ? neProps(NE_FILES[0]!) : [];
  const ne110 = HAVE_NE ? neProps(NE_FILES[1]!) : [];
  const neByKey = new Map([...ne110, ...ne50].map((p) => [p.ADM0_A3, p]));

  it("has exactly one row for every ADM0_A3 in the 50m and 110m files", () => {
    for (const p of [...ne50, ...ne110]) expect(rows.filter((r) => r.adm0_a3 === p.ADM0_A3), p.ADM0_A3).toHaveLength(1);
  });

  it("has no row whose ADM0_A3 is in neither file", () => {
    const extra = rows.map((r) => r.adm0_a3).filter((k) => !neByKey.has(k));
    expect(extra).toEqual([]);
  });

  it("records ISO codes as Natural Earth gives them (ISO_A3_EH, ISO_A2), -99 as blank, except documented overrides", () => {
    for (const r of rows) {
      const p = neByKey.get(r.adm0_a3)!;
      const blank = (v: string) => (String(v) === "-99" ? "" : String(v));
      const [iso3, iso2] = ISO_OVERRIDES[r.adm0_a3] ?? [blank(p.ISO_A3_EH), blank(p.ISO_A2)];
      expect([r.iso_a3, r.iso_a2], r.adm0_a3).toEqual([iso3, iso2]);
      expect(r.name, r.adm0_a3).toBe(p.NAME_LONG);
    }
  });

  it("keeps France and Norway although Natural Earth gives them ISO_A3 = -99", () => {
    for (const k of ["FRA", "NOR"]) {
      expect(neByKey.get(k)?.ISO_A3_EH).toBe("-99");
      expect(get(k).iso_a3).toBe(ISO_OVERRIDES[k]![0]);
    }
  });
});

describe("data-protection.csv: values", () => {
  it("uses only the documented enums", () => {
    for (const r of rows) {
      expect(REGIMES, `${r.adm0_a3}.regime`).toContain(r.regime);
      expect(LOCALIZATIONS, `${r.adm0_a3}.localization`).toContain(r.localization);
    }
  });

  it("cites an https source and a past ISO as_of date on every row", () => {
    const today = new Date().toISOString().slice(0, 10);
    for (const r of rows) {
      expect(r.citation_title, r.adm0_a3).not.toBe("");
      expect(() => new URL(r.citation_url), r.adm0_a3).not.toThrow();
      expect(new URL(r.citation_url).protocol, r.adm0_a3).toBe("https:");
      expect(r.as_of, r.adm0_a3).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(new Date(`${r.as_of}T00:00:00Z`).toISOString().slice(0, 10), r.adm0_a3).toBe(r.as_of);
      expect(r.as_of <= today, `${r.adm0_a3} as_of in the future`).toBe(true);
    }
  });

  it("gives a law_year only as a four-digit year not after as_of", () => {
    for (const r of rows) {
      if (r.law_year === "") continue;
      expect(r.law_year, r.adm0_a3).toMatch(/^(19|20)\d{2}$/);
      expect(Number(r.law_year) <= Number(r.as_of.slice(0, 4)), r.adm0_a3).toBe(true);
    }
  });

  it("states a localization basis on every row, and names the rule for sectoral/mirroring/strict", () => {
    for (const r of rows) {
      expect(r.localization_basis, r.adm0_a3).not.toBe("");
      if (r.localization !== "none") expect(r.localization_basis.length, r.adm0_a3).toBeGreaterThan(40);
    }
  });

  it("names the adequacy decision on every eu_adequacy row and only there", () => {
    for (const r of rows) {
      if (r.regime === "eu_adequacy") expect(r.adequacy, r.adm0_a3).toMatch(/Decision/);
      else expect(r.adequacy, r.adm0_a3).toBe("");
    }
  });

  it("names the law on every row that has one (everything but regime none)", () => {
    for (const r of rows) {
      if (r.regime === "none") expect(r.law, r.adm0_a3).toBe("");
      else expect(r.law, r.adm0_a3).not.toBe("");
    }
  });
});

describe("data-protection.csv: known cases", () => {
  it("classes all 27 EU member states and Iceland, Liechtenstein, Norway as eu_eea_gdpr", () => {
    for (const k of [...EU27, ...EEA_EFTA]) expect(get(k).regime, k).toBe("eu_eea_gdpr");
  });

  it("classes nothing else as eu_eea_gdpr except EU territories with their own NE feature (Åland, Saint-Martin)", () => {
    const gdpr = rows.filter((r) => r.regime === "eu_eea_gdpr").map((r) => r.adm0_a3).sort();
    expect(gdpr).toEqual([...EU27, ...EEA_EFTA, ...EU_TERRITORIES].sort());
  });

  it("keeps EU overseas countries and territories outside the GDPR class (Greenland, New Caledonia, French Polynesia, Aruba, Curaçao)", () => {
    for (const k of ["GRL", "NCL", "PYF", "ABW", "CUW", "SXM", "BLM", "SPM", "WLF"]) expect(get(k).regime, k).not.toBe("eu_eea_gdpr");
  });

  it("classes the jurisdictions with a current adequacy decision as eu_adequacy", () => {
    for (const k of ["AND", "ARG", "BRA", "CAN", "CHE", "FRO", "GBR", "GGY", "IMN", "ISR", "JEY", "JPN", "KOR", "NZL", "URY", "USA"]) {
      expect(get(k).regime, k).toBe("eu_adequacy");
    }
    expect(get("JPN").adequacy).toContain("2019/419");
    expect(get("KOR").adequacy).toContain("2022/254");
    expect(get("BRA").adequacy).toContain("2026/179");
    expect(get("CHE").adequacy).toContain("2000/518");
  });

  it("limits US adequacy to Data Privacy Framework participants and says so", () => {
    const usa = get("USA");
    expect(usa.adequacy).toContain("2023/1795");
    expect(usa.adequacy).toMatch(/Data Privacy Framework/);
    expect(usa.notes).toMatch(/self-certified|participating organisations/);
    expect(usa.notes).toMatch(/not to the US as a whole/);
  });

  it("classes China, Russia and Vietnam as strict localisation", () => {
    for (const k of ["CHN", "RUS", "VNM"]) {
      expect(get(k).localization, k).toBe("strict");
      expect(get(k).regime, k).toBe("comprehensive");
    }
    expect(get("CHN").localization_basis).toMatch(/PIPL/);
    expect(get("RUS").localization_basis).toMatch(/18\(5\)/);
  });

  it("classes India's DPDP Act as comprehensive with phased obligations and sectoral (RBI payment data) localisation", () => {
    const ind = get("IND");
    expect(ind.regime).toBe("comprehensive");
    expect(ind.law).toMatch(/Digital Personal Data Protection Act, 2023/);
    expect(ind.localization).toBe("sectoral");
    expect(ind.localization_basis).toMatch(/RBI/);
    expect(ind.notes).toMatch(/13 May 2027/);
  });

  it("classes Saudi Arabia's PDPL as comprehensive with sectoral localisation", () => {
    const sau = get("SAU");
    expect(sau.regime).toBe("comprehensive");
    expect(sau.localization).toBe("sectoral");
    expect(sau.authority).toMatch(/SDAIA/);
  });

  it("keeps enacted-but-not-yet-applicable laws out of comprehensive (Sri Lanka, Paraguay)", () => {
    expect(get("LKA").regime).toBe("partial_or_draft");
    expect(get("PRY").regime).toBe("partial_or_draft");
  });

  it("gives the Faroe Islands adequacy but not Greenland", () => {
    expect(get("FRO").regime).toBe("eu_adequacy");
    expect(get("GRL").regime).toBe("comprehensive");
  });
});
