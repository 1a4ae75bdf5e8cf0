/**
 * The web rendering of a strategy brief: the same content, tables (strategy/brief/tables.ts) and
 * charts (scenes drawn as SVG, server/documents/web) as the PDF, in the documents' page style and
 * print CSS. A server component with no client JavaScript; every user-entered string
 * (region, market and scenario names, the title) is React text, never markup.
 */
import css from "@/server/documents/web/document.module.css";
import { fmtNumber, shortHash } from "@/server/documents/format";
import type { BriefFigures } from "@/server/strategy/brief/figures";
import {
  allocationTable, briefSections, builtTable, comparisonTable, keyNumbersTable, layerSpreadsTable, planDemandTable, planSetupLine, planTotalsTable, solverLine, candidateAreasTable, REPRODUCIBILITY_NOTE, reproducibilityLines,
} from "@/server/strategy/brief/tables";
import { powerMarketTable } from "@/server/documents/powerMarket";
import { methodologyCriteriaTable } from "@/server/documents/tables";
import { DocumentHeader, Figure, LimitationsSection, ProvenanceSection, Table } from "@/server/documents/web/parts";
import type { StrategyBriefContent } from "@/server/strategy/brief/content";

function Shortfalls({ content }: { content: StrategyBriefContent }) {
  const plan = content.plan;
  if (!plan || !plan.shortfalls.length) return null;
  return (
    <div className={css.warn} data-testid="brief-shortfalls">
      <strong>Demand the plan cannot place, and the constraint that binds</strong>
      <ul>{plan.shortfalls.map((x, i) => <li key={i}>{`${fmtNumber(x.unmetMw, 0)} MW unmet — ${x.binding}`}</li>)}</ul>
    </div>
  );
}

export function BriefView({ content, figures, downloads }: { content: StrategyBriefContent; figures: BriefFigures; downloads: { label: string; href: string }[] }) {
  const r = content.reproducibility;
  const p = content.profile;
  const m = content.methodology;
  const plan = content.plan;
  const t = new Map(briefSections(content).map((x) => [x.id, x.title]));
  return (
    <article className={css.report} data-testid="brief">
      <DocumentHeader kind="regional strategy brief" cover={content.cover} downloads={downloads} testId="brief-title" />
      <div className={`${css.box} ${css.shade}`}>
        <strong>Key numbers</strong>
        <Table model={keyNumbersTable(content)} testId="brief-key-numbers" />
      </div>
      <Figure scene={figures.regionMap} caption={`${figures.regionMap.description} Country outlines: Natural Earth (public domain).`} testId="brief-region-map" />
      {content.provenance.nonCommercialNote && <div className={css.warn}>{content.provenance.nonCommercialNote}</div>}
      <nav aria-label="Contents">
        <ol className={css.small}>{briefSections(content).map((x) => <li key={x.id} style={{ listStyle: "none" }}><a href={`#${x.id}`}>{x.title}</a></li>)}</ol>
      </nav>

      <section aria-labelledby="summary">
        <h2 id="summary" className={css.first}>{t.get("summary")}</h2>
        <p><strong>{content.cover.question}</strong></p>
        <h3>Findings</h3>
        <ul data-testid="brief-findings">{content.summary.findings.map((f, i) => <li key={i}>{f}</li>)}</ul>
        <Shortfalls content={content} />
      </section>

      <section aria-labelledby="profile">
        <h2 id="profile">{t.get("profile")}</h2>
        <p>{`${p.regionName}, a ${p.regionDescription}: ${fmtNumber(p.areaKm2, 0)} km² of land in ${fmtNumber(p.cells, 0)} cells of the 0.25° grid. Passing the hard constraints: ${(p.passShare * 100).toFixed(1)} %; excluded by a constraint: ${(p.excludedShare * 100).toFixed(1)} %; without data: ${(p.unscoredShare * 100).toFixed(1)} %. Scoring method: ${p.method}.`}</p>
        {p.methodNote && <p className={css.muted}>{p.methodNote}</p>}
        <Figure scene={figures.histogram} caption={`${figures.histogram.title}. ${p.medianScore !== null ? `Median ${fmtNumber(p.medianScore, 1)}; the best tenth of the land scores ${fmtNumber(p.p90Score, 1)} or more.` : "No land passes the constraints."}`} testId="brief-histogram" />
        <h3>{`Best candidate areas (${p.candidateAreas.length}; at most ${p.candidateAreaOptions.count}, ≥ ${fmtNumber(p.candidateAreaOptions.minDistanceKm, 0)} km apart, ≥ ${fmtNumber(p.candidateAreaOptions.minAreaKm2, 0)} km² of contiguous land in the top ${(p.candidateAreaOptions.topShare * 100).toFixed(0)} %)`}</h3>
        {p.candidateAreas.length ? <Table model={candidateAreasTable(p)} testId="brief-candidate-areas" /> : <p className={css.muted}>No candidate area meets the minimum area at these settings.</p>}
        {content.powerMarket && content.powerMarket.length > 0 && (
          <section data-testid="brief-power-market">
            <h3>Power market in the candidate areas</h3>
            {content.powerMarket.map((m) => <Table key={m.rank} model={powerMarketTable(m.section)} caption={m.label} />)}
          </section>
        )}
        <h3>Layers over the region (area-weighted)</h3>
        <Table model={layerSpreadsTable(p)} testId="brief-layers" />
      </section>

      {content.comparison && (
        <section aria-labelledby="comparison">
          <h2 id="comparison">{t.get("comparison")}</h2>
          <p>{content.comparison.basis}</p>
          <Table model={comparisonTable(content)} testId="brief-comparison" />
          <Figure scene={figures.comparison} />
        </section>
      )}

      {plan && (
        <section aria-labelledby="plan">
          <h2 id="plan">{t.get("plan")}</h2>
          <p>{planSetupLine(plan)}</p>
          <Table model={planDemandTable(plan)} />
          <p>{solverLine(plan)}</p>
          <Shortfalls content={content} />
          <h3>Annual totals against building everything at the demand</h3>
          <Table model={planTotalsTable(plan)} caption={plan.baseline.description} testId="brief-plan-totals" />
          <Figure scene={figures.planTotals} />
          <Figure scene={figures.allocationMap} caption={`${figures.allocationMap?.description ?? ""} Country outlines: Natural Earth (public domain).`} testId="brief-allocation-map" />
          <h3>Locations built</h3>
          <Table model={builtTable(plan)} testId="brief-built" />
          <h3>Allocation: demand to supply</h3>
          <Table model={allocationTable(plan)} testId="brief-allocation" />
        </section>
      )}

      <section aria-labelledby="methodology">
        <h2 id="methodology">{t.get("methodology")}</h2>
        <h3>{`Scenario “${content.scenario.name}”: ${m.method.title}`}</h3>
        <p><code>{m.method.formula}</code></p>
        <p>{m.method.description}</p>
        <p>{`${m.scoreNote} ${m.missingRule} ${m.weighting}`}</p>
        <Table model={methodologyCriteriaTable(content)} />
        <p>{`Load profile: ${fmtNumber(m.load.itMw, 0)} MW IT at ${fmtNumber(m.load.utilisation * 100, 0)} % utilisation; cooling: ${m.load.coolingTitle} (${m.load.coolingDescription}).`}</p>
        {m.sections.map((sec) => (
          <section key={sec.topic}>
            <h3>{sec.topic}</h3>
            <ul>{sec.items.map((x, i) => <li key={i}>{x}</li>)}</ul>
          </section>
        ))}
      </section>

      <section aria-labelledby="provenance">
        <ProvenanceSection provenance={content.provenance} documentKind="brief" heading={<h2 id="provenance">{t.get("provenance")}</h2>} testId="brief-provenance" />
      </section>

      <section aria-labelledby="limitations">
        <LimitationsSection limitations={content.limitations} reproducibility={reproducibilityLines(content)} reproducibilityNote={REPRODUCIBILITY_NOTE} heading={<h2 id="limitations">{t.get("limitations")}</h2>} />
      </section>
      <footer className={css.footer}>{`${r.appName} ${r.appVersion} · inputs ${shortHash(r.inputsHash)} · scenario ${shortHash(r.scenarioHash)} · data ${shortHash(r.dataManifestHash)} · ${r.generatedAt}`}</footer>
    </article>
  );
}
