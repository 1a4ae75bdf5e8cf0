/**
 * The PDF layout of a strategy brief, in the siting report's format (A4 portrait, 40 pt margins, the
 * same style sheet, tables, fonts and chart renderer — ../pdf/parts.tsx): cover with the question, key
 * numbers and the region map; summary; region profile; regions compared; capacity plan; methodology;
 * data provenance and licences; limitations and the reproducibility record. A footer on every page
 * carries the hashes and page numbers. Text is set as text; user-entered names are plain strings.
 */
import type { ReactNode } from "react";
import type { StrategyBriefContent } from "@/server/strategy/brief/content";
import { fmtNumber, shortHash } from "@/server/documents/format";
import { TEXT_WIDTH_PT } from "@/server/documents/pdf/layout";
import { Bullets, Figure, LimitationsSection, MUTED, PageFooter, ProvenanceSection, SHADE, styles, Table, type S } from "@/server/documents/pdf/parts";
import { rp } from "@/server/documents/pdf/reactPdf";
import { powerMarketTable } from "@/server/documents/powerMarket";
import { methodologyCriteriaTable } from "@/server/documents/tables";
import type { BriefFigures } from "@/server/strategy/brief/figures";
import {
  allocationTable, briefSections, builtTable, comparisonTable, keyNumbersTable, layerSpreadsTable, planDemandTable, planSetupLine, planTotalsTable, solverLine, candidateAreasTable, REPRODUCIBILITY_NOTE, reproducibilityLines,
} from "@/server/strategy/brief/tables";

function Cover({ content, figures, s }: { content: StrategyBriefContent; figures: BriefFigures; s: S }) {
  const { View, Text } = rp();
  const r = content.reproducibility;
  return (
    <View>
      <Text style={[s.small, { marginBottom: 20, letterSpacing: 1 }]}>SITING ATLAS · REGIONAL STRATEGY BRIEF</Text>
      <Text style={s.h1}>{content.cover.title}</Text>
      <Text style={{ fontSize: 11, lineHeight: 1.3, marginBottom: 10, color: MUTED }}>{content.cover.subtitle}</Text>
      <View style={s.box}>
        <Text style={{ fontWeight: 700, marginBottom: 3 }}>The question</Text>
        <Text style={{ fontSize: 10, lineHeight: 1.35 }}>{content.cover.question}</Text>
      </View>
      <View style={[s.box, { backgroundColor: SHADE }]} wrap={false}>
        <Text style={{ fontWeight: 700, marginBottom: 3 }}>Key numbers</Text>
        <Table model={keyNumbersTable(content)} s={s} fontSize={7.2} width={TEXT_WIDTH_PT - 18} />
      </View>
      <Figure scene={figures.regionMap} caption={`${figures.regionMap.description} Country outlines: Natural Earth (public domain).`} s={s} />
      <Text style={s.h3}>Contents</Text>
      <Text>{briefSections(content).map((x) => x.title).join("   ")}</Text>
      {content.provenance.nonCommercialNote && <View style={s.warn}><Text>{content.provenance.nonCommercialNote}</Text></View>}
      <Text style={[s.small, { marginTop: 10 }]}>{`Generated ${r.generatedAt} by ${r.appName} ${r.appVersion} (AGPL-3.0-or-later) from data build ${shortHash(r.dataManifestHash)} (${r.dataProfile}). Each dataset keeps its own licence: see “Data provenance and licences”.`}</Text>
    </View>
  );
}

function Summary({ content, title, s }: { content: StrategyBriefContent; title: string; s: S }) {
  const { View, Text } = rp();
  return (
    <View>
      <Text style={s.h2}>{title}</Text>
      <Text style={[s.p, { fontWeight: 700 }]}>{content.cover.question}</Text>
      <Text style={s.h3}>Findings</Text>
      <Bullets items={content.summary.findings} s={s} />
      <Text style={s.h3}>Key numbers</Text>
      <Table model={keyNumbersTable(content)} s={s} fontSize={7} />
      {content.plan && content.plan.shortfalls.length > 0 && (
        <View style={s.warn}>
          <Text style={{ fontWeight: 700 }}>Demand the plan cannot place</Text>
          {content.plan.shortfalls.map((x, i) => <Text key={i}>{`• ${fmtNumber(x.unmetMw, 0)} MW unmet — ${x.binding}`}</Text>)}
        </View>
      )}
    </View>
  );
}

function Profile({ content, figures, title, s }: { content: StrategyBriefContent; figures: BriefFigures; title: string; s: S }) {
  const { View, Text } = rp();
  const p = content.profile;
  return (
    <View>
      <Text style={s.h2}>{title}</Text>
      <Text style={s.p}>{`${p.regionName}, a ${p.regionDescription}: ${fmtNumber(p.areaKm2, 0)} km² of land in ${fmtNumber(p.cells, 0)} cells of the 0.25° grid. Passing the hard constraints: ${(p.passShare * 100).toFixed(1)} %; excluded by a constraint: ${(p.excludedShare * 100).toFixed(1)} %; without data: ${(p.unscoredShare * 100).toFixed(1)} %. Scoring method: ${p.method}.`}</Text>
      {p.methodNote && <Text style={[s.p, s.muted]}>{p.methodNote}</Text>}
      <Figure scene={figures.histogram} s={s} caption={`${figures.histogram.title}. ${p.medianScore !== null ? `Median ${fmtNumber(p.medianScore, 1)}; the best tenth of the land scores ${fmtNumber(p.p90Score, 1)} or more.` : "No land passes the constraints."}`} />
      <Text style={s.h3}>{`Best candidate areas (${p.candidateAreas.length}; at most ${p.candidateAreaOptions.count}, ≥ ${fmtNumber(p.candidateAreaOptions.minDistanceKm, 0)} km apart, ≥ ${fmtNumber(p.candidateAreaOptions.minAreaKm2, 0)} km² of contiguous land in the top ${(p.candidateAreaOptions.topShare * 100).toFixed(0)} %)`}</Text>
      {p.candidateAreas.length ? <Table model={candidateAreasTable(p)} s={s} fontSize={7} /> : <Text style={[s.p, s.muted]}>No candidate area meets the minimum area at these settings.</Text>}
      {content.powerMarket && content.powerMarket.length > 0 && (
        <>
          <Text style={s.h3} minPresenceAhead={60}>Power market in the candidate areas</Text>
          {content.powerMarket.map((m) => (
            <View key={m.rank} wrap={false}>
              <Text style={[s.p, { fontSize: 7, marginBottom: 2 }]}>{m.label}</Text>
              <Table model={powerMarketTable(m.section)} s={s} fontSize={6.2} />
            </View>
          ))}
        </>
      )}
      <Text style={s.h3}>Layers over the region (area-weighted)</Text>
      <Table model={layerSpreadsTable(p)} s={s} fontSize={6.8} />
    </View>
  );
}

function Comparison({ content, figures, title, s }: { content: StrategyBriefContent; figures: BriefFigures; title: string; s: S }) {
  const { View, Text } = rp();
  const c = content.comparison!;
  return (
    <View>
      <Text style={s.h2}>{title}</Text>
      <Text style={s.p}>{c.basis}</Text>
      <Table model={comparisonTable(content)} s={s} fontSize={6.8} />
      {figures.comparison && <Figure scene={figures.comparison} s={s} />}
    </View>
  );
}

function Plan({ content, figures, title, s }: { content: StrategyBriefContent; figures: BriefFigures; title: string; s: S }) {
  const { View, Text } = rp();
  const plan = content.plan!;
  return (
    <View>
      <Text style={s.h2}>{title}</Text>
      <Text style={s.p}>{planSetupLine(plan)}</Text>
      <Table model={planDemandTable(plan)} s={s} fontSize={7} />
      <Text style={s.p}>{solverLine(plan)}</Text>
      {plan.shortfalls.length > 0 && (
        <View style={s.warn}>
          <Text style={{ fontWeight: 700 }}>Shortfalls and the constraint that binds</Text>
          {plan.shortfalls.map((x, i) => <Text key={i}>{`• ${fmtNumber(x.unmetMw, 0)} MW unmet — ${x.binding}`}</Text>)}
        </View>
      )}
      <Text style={s.h3}>Annual totals against building everything at the demand</Text>
      <Table model={planTotalsTable(plan)} s={s} fontSize={7.2} />
      <Text style={s.figureCaption}>{plan.baseline.description}</Text>
      {figures.planTotals && <Figure scene={figures.planTotals} s={s} />}
      {figures.allocationMap && <Figure scene={figures.allocationMap} s={s} caption={`${figures.allocationMap.description} Country outlines: Natural Earth (public domain).`} />}
      <Text style={s.h3} minPresenceAhead={40}>Locations built</Text>
      <Table model={builtTable(plan)} s={s} fontSize={6.6} />
      <Text style={s.h3} minPresenceAhead={40}>Allocation: demand to supply</Text>
      <Table model={allocationTable(plan)} s={s} fontSize={6.8} />
    </View>
  );
}

function Methodology({ content, title, s }: { content: StrategyBriefContent; title: string; s: S }) {
  const { View, Text } = rp();
  const m = content.methodology;
  return (
    <>
      <Text style={s.h2}>{title}</Text>
      <Text style={s.h3}>{`Scenario “${content.scenario.name}”: ${m.method.title}`}</Text>
      <Text style={[s.p, { fontSize: 9, lineHeight: 1.35 }]}>{m.method.formula}</Text>
      <Text style={s.p}>{m.method.description}</Text>
      <Text style={s.p}>{`${m.scoreNote} ${m.missingRule} ${m.weighting}`}</Text>
      <Table model={methodologyCriteriaTable(content)} s={s} fontSize={6.6} />
      <Text style={s.p}>{`Load profile: ${fmtNumber(m.load.itMw, 0)} MW IT at ${fmtNumber(m.load.utilisation * 100, 0)} % utilisation; cooling: ${m.load.coolingTitle} (${m.load.coolingDescription}).`}</Text>
      {m.sections.map((sec, i) => (
        <View key={i}>
          <Text style={s.h3} minPresenceAhead={36}>{sec.topic}</Text>
          <Bullets items={sec.items} s={s} />
        </View>
      ))}
    </>
  );
}

/** The whole document. */
export function BriefDocument({ content, figures }: { content: StrategyBriefContent; figures: BriefFigures }): ReactNode {
  const { Document, Page, View } = rp();
  const s = styles();
  const r = content.reproducibility;
  const footer = `${r.appName} ${r.appVersion} · inputs ${shortHash(r.inputsHash)} · scenario ${shortHash(r.scenarioHash)} · data ${shortHash(r.dataManifestHash)} · ${r.generatedAt}`;
  const page = (key: string, children: ReactNode) => (
    <Page key={key} size="A4" style={s.page}>
      <View style={s.body}>{children}</View>
      <PageFooter text={footer} s={s} />
    </Page>
  );
  const t = new Map(briefSections(content).map((x) => [x.id, x.title]));
  return (
    <Document title={content.title} author={`${r.appName} ${r.appVersion}`} subject={content.cover.question} creator={r.appName} producer={r.appName} language="en">
      {page("cover", <Cover content={content} figures={figures} s={s} />)}
      {page("summary", <Summary content={content} title={t.get("summary")!} s={s} />)}
      {page("profile", <Profile content={content} figures={figures} title={t.get("profile")!} s={s} />)}
      {content.comparison && page("comparison", <Comparison content={content} figures={figures} title={t.get("comparison")!} s={s} />)}
      {content.plan && page("plan", <Plan content={content} figures={figures} title={t.get("plan")!} s={s} />)}
      {page("methodology", <Methodology content={content} title={t.get("methodology")!} s={s} />)}
      {page("provenance", <ProvenanceSection provenance={content.provenance} documentKind="brief" title={t.get("provenance")!} s={s} />)}
      {page("limitations", <LimitationsSection limitations={content.limitations} reproducibility={reproducibilityLines(content)} reproducibilityNote={REPRODUCIBILITY_NOTE} title={t.get("limitations")!} s={s} />)}
    </Document>
  );
}
