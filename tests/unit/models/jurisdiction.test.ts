// Jurisdiction fit of a site for a market's data rule (server/models/jurisdiction.ts).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { JurisdictionRule, jurisdictionFit, LOCALIZATIONS, REGIMES, type SiteJurisdiction } from "@/server/models/jurisdiction";

// Values as in data/curated/data-protection.csv.
const PARIS: SiteJurisdiction = { country: "FRA", regime: "eu_eea_gdpr", localization: "none" };
const SINGAPORE: SiteJurisdiction = { country: "SGP", regime: "comprehensive", localization: "none" };
const BEIJING: SiteJurisdiction = { country: "CHN", regime: "comprehensive", localization: "strict" };
const LONDON: SiteJurisdiction = { country: "GBR", regime: "eu_adequacy", localization: "none" };
const ASHBURN: SiteJurisdiction = { country: "USA", regime: "eu_adequacy", localization: "sectoral" };
const UNKNOWN: SiteJurisdiction = { country: null, regime: null, localization: null };

const EU = { kind: "eu_gdpr_transfer" } as const;

describe("EU GDPR transfer rule", () => {
  it("a site in Paris serving an EU GDPR market is allowed", () => {
    const f = jurisdictionFit(PARIS, EU);
    expect(f.fit).toBe("allowed");
    expect(f.reason).toMatch(/EU\/EEA/);
  });

  it("a site with an adequacy decision is allowed, with the decision's scope noted", () => {
    expect(jurisdictionFit(LONDON, EU).fit).toBe("allowed");
    const us = jurisdictionFit(ASHBURN, EU);
    expect(us.fit).toBe("allowed");
    expect(us.reason).toMatch(/Art\. 45/);
    expect(us.reason).toMatch(/Data Privacy Framework/);
  });

  it("a site in Singapore is conditional: the transfer needs SCCs or BCRs", () => {
    const f = jurisdictionFit(SINGAPORE, EU);
    expect(f.fit).toBe("conditional");
    expect(f.reason).toMatch(/standard contractual clauses|binding corporate rules/);
  });

  it("a site in Beijing (strict localisation) serving an EU market is excluded", () => {
    const f = jurisdictionFit(BEIJING, EU);
    expect(f.fit).toBe("excluded");
    expect(f.reason).toMatch(/strict data-localisation/);
    expect(f.reason).toMatch(/EU\/EEA/);
  });
});

describe("same-country rule", () => {
  it("allows a site in the country and excludes one outside", () => {
    expect(jurisdictionFit(PARIS, { kind: "same_country", country: "FRA" }).fit).toBe("allowed");
    const f = jurisdictionFit(PARIS, { kind: "same_country", country: "DEU" });
    expect(f.fit).toBe("excluded");
    expect(f.reason).toMatch(/DEU/);
    expect(f.reason).toMatch(/FRA/);
  });

  it("a strict-localisation site can serve its own country's market", () => {
    expect(jurisdictionFit(BEIJING, { kind: "same_country", country: "CHN" }).fit).toBe("allowed");
    expect(jurisdictionFit(BEIJING, { kind: "same_country", country: "SGP" }).fit).toBe("excluded");
  });
});

describe("allowed regimes and countries", () => {
  it("allowed_regimes checks the site's regime", () => {
    const rule = { kind: "allowed_regimes", regimes: ["eu_eea_gdpr", "eu_adequacy"] } as const;
    expect(jurisdictionFit(PARIS, rule).fit).toBe("allowed");
    expect(jurisdictionFit(LONDON, rule).fit).toBe("allowed");
    const sg = jurisdictionFit(SINGAPORE, rule);
    expect(sg.fit).toBe("excluded");
    expect(sg.reason).toMatch(/comprehensive/);
  });

  it("allowed_countries checks the site's country", () => {
    const rule = { kind: "allowed_countries", countries: ["FRA", "DEU"] } as const;
    expect(jurisdictionFit(PARIS, rule).fit).toBe("allowed");
    expect(jurisdictionFit(LONDON, rule).fit).toBe("excluded");
  });

  it("a strict site is excluded from a market in other countries even under a permissive rule, when the market's countries are known", () => {
    expect(jurisdictionFit(BEIJING, { kind: "any" }, ["DEU", "FRA"]).fit).toBe("excluded");
    expect(jurisdictionFit(BEIJING, { kind: "allowed_regimes", regimes: ["comprehensive"] }, ["CHN"]).fit).toBe("allowed");
    expect(jurisdictionFit(BEIJING, { kind: "any" }).fit).toBe("conditional");
  });

  it("a sectoral-localisation site notes that its rules bind only its own residents' data", () => {
    expect(jurisdictionFit(ASHBURN, { kind: "any" }).reason).toMatch(/sectoral/);
  });
});

describe("missing site data never passes silently", () => {
  it("unknown country or regime gives conditional with a reason to check, except where no rule applies", () => {
    for (const rule of [EU, { kind: "same_country", country: "FRA" }, { kind: "allowed_countries", countries: ["FRA"] }, { kind: "allowed_regimes", regimes: ["none"] }] as const) {
      const f = jurisdictionFit(UNKNOWN, rule);
      expect(f.fit, rule.kind).toBe("conditional");
      expect(f.reason).toMatch(/unknown/);
    }
    expect(jurisdictionFit(UNKNOWN, { kind: "any" }).fit).toBe("allowed");
  });
});

describe("rule schema (discriminated union)", () => {
  it("accepts the five kinds and rejects malformed rules with the field named", () => {
    expect(JurisdictionRule.parse({ kind: "any" })).toEqual({ kind: "any" });
    expect(JurisdictionRule.safeParse({ kind: "same_country", country: "fr" }).success).toBe(false);
    expect(JurisdictionRule.safeParse({ kind: "allowed_countries", countries: [] }).success).toBe(false);
    expect(JurisdictionRule.safeParse({ kind: "allowed_regimes", regimes: ["gdpr"] }).success).toBe(false);
    expect(JurisdictionRule.safeParse({ kind: "same_country" }).success).toBe(false);
    expect(JurisdictionRule.safeParse({ kind: "nowhere" }).success).toBe(false);
    const r = JurisdictionRule.safeParse({ kind: "same_country", country: "France" });
    expect(r.success ? [] : r.error.issues.map((i) => i.path.join("."))).toContain("country");
  });
});

describe("every outcome has a human reason", () => {
  it("for any site data and any rule", () => {
    const country = fc.option(fc.constantFrom("FRA", "CHN", "SGP", "USA", "DEU"), { nil: null });
    const rule = fc.oneof(
      fc.constant({ kind: "any" as const }),
      fc.constant({ kind: "eu_gdpr_transfer" as const }),
      fc.constantFrom("FRA", "CHN", "DEU").map((c) => ({ kind: "same_country" as const, country: c })),
      fc.subarray(["FRA", "CHN", "DEU", "USA"], { minLength: 1 }).map((cs) => ({ kind: "allowed_countries" as const, countries: cs })),
      fc.subarray([...REGIMES], { minLength: 1 }).map((rs) => ({ kind: "allowed_regimes" as const, regimes: rs })),
    );
    fc.assert(
      fc.property(country, fc.option(fc.constantFrom(...REGIMES), { nil: null }), fc.option(fc.constantFrom(...LOCALIZATIONS), { nil: null }), rule, (c, r, l, rl) => {
        const f = jurisdictionFit({ country: c, regime: r, localization: l }, rl);
        expect(["allowed", "conditional", "excluded"]).toContain(f.fit);
        expect(f.reason.length).toBeGreaterThan(20);
        if (l === "strict" && rl.kind === "eu_gdpr_transfer") expect(f.fit).toBe("excluded");
      }),
      { numRuns: 500, seed: 1 },
    );
  });
});
