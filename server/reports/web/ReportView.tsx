/**
 * The web rendering of a report: the same content, tables (server/reports/tables.ts) and charts
 * (scenes drawn as SVG) as the PDF. A server component with no client JavaScript. Every user-entered
 * string (site and project names, scenario name) is rendered as React text, which escapes it: no
 * dangerouslySetInnerHTML anywhere, so a site named `<script>…</script>` shows as those characters.
 */
import { fmtFixed, fmtNumber, shortHash } from "@/server/documents/format";
import type { ReportFigures } from "@/server/reports/figures";
import {
  agreementTable, carbonLines, climateLines, keyNumbersTable, rankingTable,
  RANKING_TABLE_CRITERIA, siteCriteriaTable, siteHazardsTable, siteLocalEvidenceTable, siteLocationLine, siteMetricsTable, REPRODUCIBILITY_NOTE, reproducibilityLines,
} from "@/server/reports/tables";
import { powerMarketTable } from "@/server/documents/powerMarket";
import { methodologyCriteriaTable } from "@/server/documents/tables";
import type { ReportContent, ReportSiteCard } from "@/server/reports/types";
import { DocumentHeader, Figure, LimitationsSection, ProvenanceSection, Table } from "@/server/documents/web/parts";
import css from "@/server/documents/web/document.module.css";

function SiteCard({ card, content, figures, position }: { card: ReportSiteCard; content: ReportContent; figures: ReportFigures; position: number }) {
  const f = figures.sites[card.id]!;
  const fit = card.metrics.find((m) => m.id === "jurisdiction_fit");
  return (
    <section className={css.card} id={`site-${card.id}`} data-testid="site-card" aria-labelledby={`site-${card.id}-h`}>
      <p className={css.small}>{`3. Site cards · ${position} of ${content.sites.length}`}</p>
      <div className={css.cardHead}>
        <h3 id={`site-${card.id}-h`}>{card.rank !== null ? `#${card.rank} ${card.name}` : card.excluded ? `Excluded: ${card.name}` : `Not ranked: ${card.name}`}</h3>
        {card.score !== null && <span className={css.score}>{`score ${fmtFixed(card.score, 1)}`}</span>}
      </div>
      <p className={css.small}>{siteLocationLine(card)}</p>
      {(card.excluded || card.unrankedReason) && (
        <div className={css.warn}>
          <strong>{card.excluded ? "Excluded by hard constraints" : "Not ranked"}</strong>
          <ul>{[...card.exclusionReasons, ...(card.unrankedReason ? [card.unrankedReason] : [])].map((r, i) => <li key={i}>{r}</li>)}</ul>
        </div>
      )}
      <h4>Criteria: raw value, quality, utility, weight and contribution</h4>
      <Table model={siteCriteriaTable(card, content)} />
      <div className={css.twoCol}>
        <div>
          <h4>Energy, carbon, water and latency</h4>
          <Table model={siteMetricsTable(card)} />
          <h4>Grid, towns and water</h4>
          <Table model={siteLocalEvidenceTable(card)} />
        </div>
        <div>
          <h4>Hazards</h4>
          <Table model={siteHazardsTable(card)} />
          <h4>Carbon profile</h4>
          {carbonLines(card).map((t, i) => <p key={i} className={css.small}>{t}</p>)}
          <p className={css.small}>{`Jurisdiction fit: ${String(fit?.value ?? "—")} — ${fit?.reason ?? ""}`}</p>
        </div>
      </div>
      {card.powerMarket && (
        <>
          <h4>Power market</h4>
          {card.powerMarket.cfeNote && <p className={css.small} data-testid="cfe-note">{card.powerMarket.cfeNote}</p>}
          <Table model={powerMarketTable(card.powerMarket)} testId="power-market" />
        </>
      )}
      <div className={css.twoCol}>
        <div>
          <h4>Climate and free cooling</h4>
          {f.climate ? <Figure scene={f.climate} /> : <p className={css.muted}>{card.climateReason}</p>}
        </div>
        <div>
          <h4>Contribution of each criterion</h4>
          <Figure scene={f.contribution} />
          {climateLines(card).map((t, i) => <p key={i} className={css.small}>{t}</p>)}
        </div>
      </div>
    </section>
  );
}

export function ReportView({ content, figures, downloads }: { content: ReportContent; figures: ReportFigures; downloads: { label: string; href: string }[] }) {
  const r = content.reproducibility;
  const m = content.methodology;
  const byId = new Map(content.sites.map((s) => [s.id, s]));
  const c = content.ranking.counts;
  const top = content.summary.recommended[0];
  return (
    <article className={css.report} data-testid="report">
      <DocumentHeader kind="siting report" cover={content.cover} downloads={downloads} testId="report-title" />
      {top && (
        <div className={`${css.box} ${css.shade}`} data-testid="recommended">
          <strong>Recommended site</strong>
          <p style={{ fontSize: "1.2rem", fontWeight: 700, margin: "0.2rem 0" }}>{`1. ${top.name}`}</p>
          <p>{`Score ${fmtFixed(top.score, 1)} of 100 (${content.ranking.methodTitle}); ${top.why}.`}</p>
        </div>
      )}
      <Figure scene={figures.map} caption={`${figures.map.description} Country outlines: Natural Earth (public domain).`} />
      {content.scenario.presetExplanation && <p className={css.muted}>{`Scenario preset “${content.scenario.presetTitle ?? ""}”: ${content.scenario.presetExplanation}`}</p>}
      {content.provenance.nonCommercialNote && <div className={css.warn}>{content.provenance.nonCommercialNote}</div>}

      <h2 className={css.first}>1. Executive summary</h2>
      <p><strong>{content.summary.question}</strong></p>
      <h3>Recommended sites</h3>
      <ol>{content.summary.recommended.map((x) => <li key={x.siteId} value={x.rank}>{`${x.name} — score ${fmtFixed(x.score, 1)}; ${x.why}.`}</li>)}</ol>
      <h3>Findings</h3>
      <ul>{content.summary.findings.map((t, i) => <li key={i}>{t}</li>)}</ul>
      <h3>Key numbers</h3>
      <Table model={keyNumbersTable(content)} caption={content.summary.keyNumbersNote} testId="key-numbers" />

      <h2>2. Ranking</h2>
      <p>{`${c.sites} candidate sites: ${c.ranked} ranked, ${c.excluded} excluded by hard constraints, ${c.unranked} not ranked for a missing value. Method: ${content.ranking.methodTitle}. ${content.ranking.scoreNote}`}</p>
      <Table model={rankingTable(content)} testId="ranking" caption={`* user override.${content.ranking.criteria.length > RANKING_TABLE_CRITERIA ? ` The first ${RANKING_TABLE_CRITERIA} of ${content.ranking.criteria.length} criteria are shown; every criterion is on the site cards.` : ""}`} />
      <Figure scene={figures.scores} />
      <Figure scene={figures.contributions} />

      <h2>3. Site cards</h2>
      {content.ranking.order.map((id, i) => <SiteCard key={id} card={byId.get(id)!} content={content} figures={figures} position={i + 1} />)}

      <h2>4. Robustness of the ranking</h2>
      {content.robustness.reading.map((t, i) => <p key={i} style={i === 0 ? { fontWeight: 700 } : undefined}>{t}</p>)}
      <h3>Agreement with other methods</h3>
      <Table model={agreementTable(content)} />
      <Figure scene={figures.stability} />
      <Figure scene={figures.smaa} caption={figures.smaa ? `${figures.smaa.title}. Each cell: share of random weight vectors that give the site that rank.` : undefined} />
      {content.robustness.leftOut.length > 0 && <p className={css.muted}>{`Not analysed: ${content.robustness.leftOut.map((l) => `${l.name} (${l.reason})`).join("; ")}.`}</p>}

      <h2>5. Methodology</h2>
      <h3>{`Method: ${m.method.title}`}</h3>
      <p><code>{m.method.formula}</code></p>
      <p>{m.method.description}</p>
      <p>{`${m.scoreNote} ${m.missingRule} ${m.weighting}`}</p>
      <h3>Criteria, weights and value functions</h3>
      <Table model={methodologyCriteriaTable(content)} />
      <h3>Load and market</h3>
      <p>{`${fmtNumber(m.load.itMw, 0)} MW IT at ${fmtNumber(m.load.utilisation * 100, 0)} % utilisation; cooling: ${m.load.coolingTitle}. Market “${m.market.name}”: ${m.market.points.map((p) => p.name).join(", ")} (demand-weighted); rule: ${m.market.rule}; RTT budget ${fmtNumber(m.market.rttBudgetMs, 0)} ms. Carbon-free energy share for market-based CO2: ${fmtNumber(m.cfeShare * 100, 0)} %.`}</p>
      {m.engineering.map((e) => (
        <section key={e.topic}>
          <h3>{e.topic}</h3>
          <ul>{e.items.map((t, i) => <li key={i}>{t}</li>)}</ul>
        </section>
      ))}
      <h3>Robustness methods</h3>
      <ul>{m.robustnessMethod.map((t, i) => <li key={i}>{t}</li>)}</ul>

      <ProvenanceSection provenance={content.provenance} documentKind="report" heading={<h2>6. Data provenance and licences</h2>} testId="layers" />
      <LimitationsSection limitations={content.limitations} reproducibility={reproducibilityLines(content)} reproducibilityNote={REPRODUCIBILITY_NOTE} heading={<h2>7. Limitations</h2>} />
      <footer className={css.footer}>{`${r.appName} ${r.appVersion} · scenario ${shortHash(r.scenarioHash)} · sites ${shortHash(r.sitesHash)} · data ${shortHash(r.dataManifestHash)} · ${r.generatedAt}`}</footer>
    </article>
  );
}
