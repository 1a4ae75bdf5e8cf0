/**
 * Jurisdiction fit: can a site host a market's data under the market's data rule?
 *
 * Inputs per site come from the curated data-protection table (data/curated/data-protection.csv, via
 * the `sovereignty.regime` and `sovereignty.localization` layers): the site's country (Natural Earth
 * ADM0_A3, ISO 3166-1 alpha-3 where one exists), its regime (eu_eea_gdpr | eu_adequacy | comprehensive
 * | partial_or_draft | none) and its localisation class (none | sectoral | mirroring | strict).
 *
 * Rules (a discriminated union, one schema for scenarios, tRPC and persistence):
 * - any: no data rule.
 * - same_country: data must stay in the given country.
 * - eu_gdpr_transfer: the market is in the EU/EEA under the GDPR. A site in the EU/EEA is allowed; a
 *   site with an adequacy decision (GDPR Art. 45) is allowed, with its scope noted; anywhere else a
 *   transfer needs appropriate safeguards (Art. 46: standard contractual clauses or binding corporate
 *   rules) and a transfer impact assessment (CJEU C-311/18 "Schrems II"): conditional.
 * - allowed_regimes: the site's regime must be one of those listed.
 * - allowed_countries: the site's country must be one of those listed.
 * And whatever the rule: a site in a strict-localisation country can serve only a market inside that
 * country (broad in-country storage duties, or state approval for every transfer abroad — the curated
 * table's definition of `strict`); a market elsewhere is excluded, and a market whose countries are not
 * known is conditional.
 *
 * Every outcome has a human reason. Missing site data never passes silently: an unknown country or
 * regime makes the fit conditional ("check"), never allowed. A screening aid, not legal advice (the
 * curated table's caveat).
 */
import { z } from "zod";

export const REGIMES = ["eu_eea_gdpr", "eu_adequacy", "comprehensive", "partial_or_draft", "none"] as const;
export const LOCALIZATIONS = ["none", "sectoral", "mirroring", "strict"] as const;

export const Regime = z.enum(REGIMES);
export type Regime = z.infer<typeof Regime>;
export const Localization = z.enum(LOCALIZATIONS);
export type Localization = z.infer<typeof Localization>;

/** A country code: three capital letters (ISO 3166-1 alpha-3 / Natural Earth ADM0_A3). */
export const CountryCode = z.string().regex(/^[A-Z]{3}$/, "an ISO 3166-1 alpha-3 code (three capital letters)");

/** A market's data rule. */
export const JurisdictionRule = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("any") }).strict(),
  z.object({ kind: z.literal("eu_gdpr_transfer") }).strict(),
  z.object({ kind: z.literal("same_country"), country: CountryCode }).strict(),
  z.object({ kind: z.literal("allowed_countries"), countries: z.array(CountryCode).min(1, "list at least one country").readonly() }).strict(),
  z.object({ kind: z.literal("allowed_regimes"), regimes: z.array(Regime).min(1, "list at least one regime").readonly() }).strict(),
]);
export type JurisdictionRule = z.infer<typeof JurisdictionRule>;

export type JurisdictionFitValue = "allowed" | "conditional" | "excluded";

/** A fit with its reason. */
export interface JurisdictionFit {
  fit: JurisdictionFitValue;
  reason: string;
}

/** What is known about a site's jurisdiction; null = unknown (e.g. at sea, or no row in the table). */
export interface SiteJurisdiction {
  country: string | null;
  regime: Regime | null;
  localization: Localization | null;
}

const REGIME_LABEL: Record<Regime, string> = {
  eu_eea_gdpr: "the GDPR applies (EU/EEA)",
  eu_adequacy: "an EU adequacy decision is in force",
  comprehensive: "a comprehensive data-protection law",
  partial_or_draft: "a partial or draft data-protection law",
  none: "no data-protection law",
};

function where(site: SiteJurisdiction): string {
  return site.country ?? "an unknown country";
}

/** The countries a rule's market is known to lie in (null = not known from the rule). */
function impliedMarketCountries(rule: JurisdictionRule): readonly string[] | "eu_eea" | null {
  if (rule.kind === "same_country") return [rule.country];
  if (rule.kind === "eu_gdpr_transfer") return "eu_eea";
  return null;
}

function localisationNote(site: SiteJurisdiction): string {
  if (site.localization === "sectoral") {
    return ` ${where(site)} has sectoral localisation rules; they bind data of its own residents in named sectors, not a foreign market's data.`;
  }
  if (site.localization === "mirroring") {
    return ` ${where(site)} requires an in-country copy of its own residents' data; that does not restrict hosting a foreign market's data.`;
  }
  return "";
}

/**
 * Jurisdiction fit of a site for a market's data rule. `marketCountries` (codes of the countries whose
 * users the market serves) lets the strict-localisation check decide when the rule does not imply them.
 */
export function jurisdictionFit(site: SiteJurisdiction, rule: JurisdictionRule, marketCountries?: readonly string[] | null): JurisdictionFit {
  // 1. Strict localisation at the site: only a market inside the site's country.
  if (site.localization === "strict") {
    const implied = impliedMarketCountries(rule);
    const countries = implied ?? (marketCountries && marketCountries.length > 0 ? marketCountries : null);
    if (site.country !== null && Array.isArray(countries) && countries.every((c) => c === site.country)) {
      // Inside the country: fall through to the rule itself.
    } else if (countries === null) {
      return {
        fit: "conditional",
        reason: `${where(site)} has strict data-localisation rules: a site there can serve only a market inside ${where(site)}; this market's countries are not given, so check.`,
      };
    } else {
      const label = countries === "eu_eea" ? "the EU/EEA" : countries.join(", ");
      return {
        fit: "excluded",
        reason: `${where(site)} has strict data-localisation rules (in-country storage or state approval for transfers): a site there can serve only a market inside ${where(site)}, not one in ${label}.`,
      };
    }
  }

  switch (rule.kind) {
    case "any":
      return { fit: "allowed", reason: `The market sets no data-residency rule.${localisationNote(site)}` };

    case "same_country":
      if (site.country === null) return { fit: "conditional", reason: `The market requires hosting in ${rule.country}; the site's country is unknown, so check.` };
      return site.country === rule.country
        ? { fit: "allowed", reason: `The site is in ${rule.country}, where the market requires its data to stay.` }
        : { fit: "excluded", reason: `The market requires hosting in ${rule.country}; the site is in ${site.country}.` };

    case "allowed_countries": {
      const list = rule.countries.join(", ");
      if (site.country === null) return { fit: "conditional", reason: `The market allows hosting only in ${list}; the site's country is unknown, so check.` };
      return rule.countries.includes(site.country)
        ? { fit: "allowed", reason: `The site's country ${site.country} is among the allowed countries (${list}).${localisationNote(site)}` }
        : { fit: "excluded", reason: `The market allows hosting only in ${list}; the site is in ${site.country}.` };
    }

    case "allowed_regimes": {
      const list = rule.regimes.join(", ");
      if (site.regime === null) return { fit: "conditional", reason: `The market requires a site under ${list}; the data-protection regime of ${where(site)} is unknown, so check.` };
      return rule.regimes.includes(site.regime)
        ? { fit: "allowed", reason: `${where(site)}: ${REGIME_LABEL[site.regime]} — one of the allowed regimes (${list}).${localisationNote(site)}` }
        : { fit: "excluded", reason: `The market requires a site under ${list}; in ${where(site)} ${REGIME_LABEL[site.regime]} (${site.regime}).` };
    }

    case "eu_gdpr_transfer":
      if (site.regime === null) {
        return { fit: "conditional", reason: `EU personal data: the data-protection regime of ${where(site)} is unknown, so whether a transfer needs safeguards cannot be told; check.` };
      }
      if (site.regime === "eu_eea_gdpr") return { fit: "allowed", reason: `The site is in the EU/EEA (${where(site)}): the GDPR applies and no transfer outside it takes place.` };
      if (site.regime === "eu_adequacy") {
        return {
          fit: "allowed",
          reason: `${where(site)} has an EU adequacy decision (GDPR Art. 45): transfers need no further safeguards within the decision's scope (e.g. the US decision covers only organisations certified under the EU-US Data Privacy Framework).`,
        };
      }
      return {
        fit: "conditional",
        reason: `${where(site)} has no EU adequacy decision (${REGIME_LABEL[site.regime]}): transferring EU personal data there needs standard contractual clauses or binding corporate rules (GDPR Art. 46–47) and a transfer impact assessment.`,
      };
  }
}
