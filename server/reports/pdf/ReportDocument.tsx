/**
 * The PDF layout of a report (A4 portrait, 40 pt margins): cover, executive summary with the map,
 * ranking, one page per site, robustness, methodology, data provenance and licences, limitations and
 * the reproducibility record; a footer on every page carries the hashes and page numbers.
 * Text is set as text (selectable, searchable); user-entered names are plain strings, never markup.
 */
import type { ReactNode } from "react";
import { fmtFixed, fmtNumber, shortHash } from "@/server/documents/format";
import type { ReportFigures } from "../figures";
import { TEXT_WIDTH_PT } from "@/server/documents/pdf/layout";
import {
  agreementTable, carbonLines, climateLines, keyNumbersTable, rankingTable,
  RANKING_TABLE_CRITERIA, siteCriteriaTable, siteHazardsTable, siteLocalEvidenceTable, siteLocationLine, siteMetricsTable, REPRODUCIBILITY_NOTE, reproducibilityLines,
} from "../tables";
import { powerMarketTable } from "@/server/documents/powerMarket";
import { methodologyCriteriaTable } from "@/server/documents/tables";
import type { ReportContent, ReportSiteCard } from "../types";
import { Bullets, INK, LimitationsSection, MUTED, PageFooter, ProvenanceSection, SHADE, styles, Table, type S } from "@/server/documents/pdf/parts";
import { rp } from "@/server/documents/pdf/reactPdf";
import { SceneSvg } from "@/server/documents/pdf/SceneSvg";
import { tableScene } from "@/server/documents/scene/table";

function Footer({ content, s }: { content: ReportContent; s: S }) {
  const r = content.reproducibility;
  return <PageFooter s={s} text={`${r.appName} ${r.appVersion} · scenario ${shortHash(r.scenarioHash)} · sites ${shortHash(r.sitesHash)} · data ${shortHash(r.dataManifestHash)} · ${r.generatedAt}`} />;
}

function Cover({ content, figures, s }: { content: ReportContent; figures: ReportFigures; s: S }) {
  const { View, Text } = rp();
  const top = content.summary.recommended[0];
  const sections = ["Executive summary", "Ranking", `Site cards (${content.sites.length})`, "Robustness", "Methodology", "Data provenance and licences", "Limitations and reproducibility"];
  return (
    <View>
      <Text style={[s.small, { marginBottom: 24, letterSpacing: 1 }]}>SITING ATLAS · SITING REPORT</Text>
      <Text style={s.h1}>{content.cover.title}</Text>
      <Text style={{ fontSize: 11, lineHeight: 1.3, marginBottom: 12, color: MUTED }}>{content.cover.subtitle}</Text>
      <View style={s.box}>
        <Text style={{ fontWeight: 700, marginBottom: 3 }}>The question</Text>
        <Text style={{ fontSize: 10, lineHeight: 1.35 }}>{content.cover.question}</Text>
      </View>
      {top && (
        <View style={[s.box, { backgroundColor: SHADE }]}>
          <Text style={{ fontWeight: 700, marginBottom: 3 }}>Recommended site</Text>
          <Text style={{ fontSize: 12, lineHeight: 1.3, fontWeight: 700 }}>{`1. ${top.name}`}</Text>
          <Text>{`Score ${fmtFixed(top.score, 1)} of 100 (${content.ranking.methodTitle}); ${top.why}.`}</Text>
        </View>
      )}
      <View wrap={false}>
        <SceneSvg scene={figures.map} width={TEXT_WIDTH_PT} />
        <Text style={s.figureCaption}>{`${figures.map.description} Country outlines: Natural Earth (public domain).`}</Text>
      </View>
      {content.scenario.presetExplanation && (
        <Text style={[s.p, s.muted]}>{`Scenario preset “${content.scenario.presetTitle ?? ""}”: ${content.scenario.presetExplanation}`}</Text>
      )}
      <Text style={s.h3}>Contents</Text>
      <Text>{sections.map((t, i) => `${i + 1}. ${t}`).join("   ")}</Text>
      {content.provenance.nonCommercialNote && <View style={s.warn}><Text>{content.provenance.nonCommercialNote}</Text></View>}
      <Text style={[s.small, { marginTop: 16 }]}>{`Generated ${content.reproducibility.generatedAt} by ${content.reproducibility.appName} ${content.reproducibility.appVersion} (AGPL-3.0-or-later) from data build ${shortHash(content.reproducibility.dataManifestHash)} (${content.reproducibility.dataProfile}). Each dataset keeps its own licence: see “Data provenance and licences”.`}</Text>
    </View>
  );
}

function Summary({ content, s }: { content: ReportContent; s: S }) {
  const { View, Text } = rp();
  return (
    <View>
      <Text style={s.h2}>1. Executive summary</Text>
      <Text style={[s.p, { fontWeight: 700 }]}>{content.summary.question}</Text>
      <Text style={s.h3}>Recommended sites</Text>
      {content.summary.recommended.length ? content.summary.recommended.map((r) => (
        <Text key={r.siteId} style={s.p}>{`${r.rank}. ${r.name} — score ${fmtFixed(r.score, 1)}; ${r.why}.`}</Text>
      )) : <Text style={s.p}>No site is ranked under this scenario.</Text>}
      <Text style={s.h3}>Findings</Text>
      <Bullets items={content.summary.findings} s={s} />
      <Text style={s.h3}>Key numbers</Text>
      <Table model={keyNumbersTable(content)} s={s} fontSize={6.8} />
      <Text style={s.figureCaption}>{content.summary.keyNumbersNote}</Text>
    </View>
  );
}

function Ranking({ content, figures, s }: { content: ReportContent; figures: ReportFigures; s: S }) {
  const { View, Text } = rp();
  const c = content.ranking.counts;
  return (
    <View>
      <Text style={s.h2}>2. Ranking</Text>
      <Text style={s.p}>{`${c.sites} candidate sites: ${c.ranked} ranked, ${c.excluded} excluded by hard constraints, ${c.unranked} not ranked for a missing value. Method: ${content.ranking.methodTitle}. ${content.ranking.scoreNote}`}</Text>
      <Table model={rankingTable(content)} s={s} fontSize={6.6} />
      <Text style={s.figureCaption}>{`* user override.${content.ranking.criteria.length > RANKING_TABLE_CRITERIA ? ` The first ${RANKING_TABLE_CRITERIA} of ${content.ranking.criteria.length} criteria are shown; every criterion is on the site cards.` : ""}`}</Text>
      {figures.scores && (
        <View wrap={false}>
          <Text style={s.h3}>{figures.scores.title}</Text>
          <SceneSvg scene={figures.scores} width={TEXT_WIDTH_PT} />
        </View>
      )}
      {figures.contributions && (
        <View wrap={false}>
          <Text style={s.h3}>{figures.contributions.title}</Text>
          <SceneSvg scene={figures.contributions} width={TEXT_WIDTH_PT} />
        </View>
      )}
    </View>
  );
}

function SiteCard({ card, position, content, figures, s }: { card: ReportSiteCard; position: number; content: ReportContent; figures: ReportFigures; s: S }) {
  const { View, Text } = rp();
  const f = figures.sites[card.id]!;
  const heading = card.rank !== null ? `#${card.rank} ${card.name}` : card.excluded ? `Excluded: ${card.name}` : `Not ranked: ${card.name}`;
  return (
    <View>
      <Text style={[s.small, { marginBottom: 2 }]}>{`3. Site cards · ${position} of ${content.sites.length}`}</Text>
      <View style={[s.row, { justifyContent: "space-between", alignItems: "flex-end", borderBottomWidth: 0.8, borderBottomColor: INK, paddingBottom: 2, marginBottom: 4 }]}>
        <Text style={{ fontSize: 13, fontWeight: 700, maxWidth: 380 }}>{heading}</Text>
        <Text style={{ fontSize: 11, fontWeight: 700 }}>{card.score !== null ? `score ${fmtFixed(card.score, 1)}` : ""}</Text>
      </View>
      <Text style={[s.small, { marginBottom: 4 }]}>{siteLocationLine(card)}</Text>
      {(card.excluded || card.unrankedReason) && (
        <View style={s.warn}>
          <Text style={{ fontWeight: 700 }}>{card.excluded ? "Excluded by hard constraints" : "Not ranked"}</Text>
          {card.exclusionReasons.map((r, i) => <Text key={i}>{`• ${r}`}</Text>)}
          {card.unrankedReason && <Text>{`• ${card.unrankedReason}`}</Text>}
        </View>
      )}
      <Text style={s.h3}>Criteria: raw value, quality, utility, weight and contribution</Text>
      <SceneSvg scene={tableScene(siteCriteriaTable(card, content), { width: TEXT_WIDTH_PT, fontSize: 6.4, title: "Criteria" })} width={TEXT_WIDTH_PT} />
      <View style={[s.row, { justifyContent: "space-between" }]}>
        <View style={{ width: 250 }}>
          <Text style={s.h3}>Energy, carbon, water and latency</Text>
          <SceneSvg scene={tableScene(siteMetricsTable(card), { width: 250, fontSize: 6.4, title: "Engineering estimates" })} width={250} />
          <Text style={s.h3}>Grid, towns and water</Text>
          <SceneSvg scene={tableScene(siteLocalEvidenceTable(card), { width: 250, fontSize: 6.4, title: "Local evidence" })} width={250} />
        </View>
        <View style={{ width: 250 }}>
          <Text style={s.h3}>Hazards</Text>
          <SceneSvg scene={tableScene(siteHazardsTable(card), { width: 250, fontSize: 6.4, title: "Hazards" })} width={250} />
          <Text style={s.h3}>Carbon profile</Text>
          {carbonLines(card).map((t, i) => <Text key={i} style={[s.p, { fontSize: 6.8, lineHeight: 1.3 }]}>{t}</Text>)}
          <Text style={[s.p, { fontSize: 6.8, lineHeight: 1.3 }]}>{`Jurisdiction fit: ${String(card.metrics.find((m) => m.id === "jurisdiction_fit")?.value ?? "—")} — ${card.metrics.find((m) => m.id === "jurisdiction_fit")?.reason ?? ""}`}</Text>
        </View>
      </View>
      {card.powerMarket && (
        <View wrap={false}>
          <Text style={s.h3}>Power market</Text>
          {card.powerMarket.cfeNote && <Text style={[s.p, { fontSize: 6.8, lineHeight: 1.3 }]}>{card.powerMarket.cfeNote}</Text>}
          <Table model={powerMarketTable(card.powerMarket)} s={s} fontSize={6.2} />
        </View>
      )}
      <View style={[s.row, { justifyContent: "space-between" }]} wrap={false}>
        <View style={{ width: 250 }}>
          <Text style={s.h3}>Climate and free cooling</Text>
          {f.climate ? <SceneSvg scene={f.climate} width={250} /> : <Text style={s.muted}>{card.climateReason ?? "No climate profile."}</Text>}
        </View>
        <View style={{ width: 250 }}>
          <Text style={s.h3}>Contribution of each criterion</Text>
          <SceneSvg scene={f.contribution} width={250} />
          {climateLines(card).map((t, i) => <Text key={i} style={[s.p, { fontSize: 6.6, lineHeight: 1.3 }]}>{t}</Text>)}
        </View>
      </View>
    </View>
  );
}

function Robustness({ content, figures, s }: { content: ReportContent; figures: ReportFigures; s: S }) {
  const { View, Text } = rp();
  const r = content.robustness;
  return (
    <View>
      <Text style={s.h2}>4. Robustness of the ranking</Text>
      {r.reading.map((t, i) => <Text key={i} style={[s.p, { fontSize: 9.5, fontWeight: i === 0 ? 700 : 400 }]}>{t}</Text>)}
      <Text style={s.h3}>Agreement with other methods</Text>
      <Table model={agreementTable(content)} s={s} />
      {figures.stability && (
        <View wrap={false}>
          <Text style={s.h3}>Weight stability</Text>
          <SceneSvg scene={figures.stability} width={TEXT_WIDTH_PT} />
          <Text style={s.figureCaption}>{figures.stability.title}</Text>
        </View>
      )}
      {figures.smaa && (
        <View wrap={false}>
          <Text style={s.h3}>SMAA rank acceptability</Text>
          <SceneSvg scene={figures.smaa} width={TEXT_WIDTH_PT} />
          <Text style={s.figureCaption}>{`${figures.smaa.title}. Each cell: share of random weight vectors that give the site that rank.${r.smaa && r.smaa.sites.length > 20 ? " The 20 best-ranked sites are shown." : ""}`}</Text>
        </View>
      )}
      {r.leftOut.length > 0 && <Text style={[s.p, s.muted]}>{`Not analysed: ${r.leftOut.map((l) => `${l.name} (${l.reason})`).join("; ")}.`}</Text>}
    </View>
  );
}

function Methodology({ content, s }: { content: ReportContent; s: S }) {
  const { View, Text } = rp();
  const m = content.methodology;
  return (
    <>
      <Text style={s.h2}>5. Methodology</Text>
      <Text style={s.h3}>{`Method: ${m.method.title}`}</Text>
      <Text style={[s.p, { fontSize: 9, lineHeight: 1.35 }]}>{m.method.formula}</Text>
      <Text style={s.p}>{m.method.description}</Text>
      <Text style={s.p}>{`${m.scoreNote} ${m.missingRule} ${m.weighting}`}</Text>
      <Text style={s.h3}>Criteria, weights and value functions</Text>
      <Table model={methodologyCriteriaTable(content)} s={s} fontSize={6.6} />
      <Text style={s.h3}>Load and market</Text>
      <Text style={s.p}>{`${fmtNumber(m.load.itMw, 0)} MW IT at ${fmtNumber(m.load.utilisation * 100, 0)} % utilisation; cooling: ${m.load.coolingTitle}. Market “${m.market.name}”: ${m.market.points.map((p) => p.name).join(", ")} (demand-weighted); rule: ${m.market.rule}; RTT budget ${fmtNumber(m.market.rttBudgetMs, 0)} ms. Carbon-free energy share for market-based CO2: ${fmtNumber(m.cfeShare * 100, 0)} %.`}</Text>
      {m.engineering.map((e, i) => (
        <View key={i}>
          <Text style={s.h3}>{e.topic}</Text>
          <Bullets items={e.items} s={s} />
        </View>
      ))}
      <Text style={s.h3}>Robustness methods</Text>
      <Bullets items={m.robustnessMethod} s={s} />
    </>
  );
}

/** The whole document. */
export function ReportDocument({ content, figures }: { content: ReportContent; figures: ReportFigures }): ReactNode {
  const { Document, Page, View } = rp();
  const s = styles();
  const page = (key: string, children: ReactNode, wrap = true) => (
    <Page key={key} size="A4" style={s.page} wrap={wrap}>
      <View style={s.body}>{children}</View>
      <Footer content={content} s={s} />
    </Page>
  );
  const byId = new Map(content.sites.map((x) => [x.id, x]));
  return (
    <Document title={content.title} author={`${content.reproducibility.appName} ${content.reproducibility.appVersion}`} subject={content.cover.question} creator={content.reproducibility.appName} producer={content.reproducibility.appName} language="en">
      {page("cover", <Cover content={content} figures={figures} s={s} />)}
      {page("summary", <Summary content={content} s={s} />)}
      {page("ranking", <Ranking content={content} figures={figures} s={s} />)}
      {content.ranking.order.map((id, i) => page(`site-${i}`, <SiteCard card={byId.get(id)!} position={i + 1} content={content} figures={figures} s={s} />))}
      {page("robustness", <Robustness content={content} figures={figures} s={s} />)}
      {page("methodology", <Methodology content={content} s={s} />)}
      {page("provenance", <ProvenanceSection provenance={content.provenance} documentKind="report" title="6. Data provenance and licences" s={s} />)}
      {page("limitations", <LimitationsSection limitations={content.limitations} reproducibility={reproducibilityLines(content)} reproducibilityNote={REPRODUCIBILITY_NOTE} title="7. Limitations" s={s} />)}
    </Document>
  );
}
