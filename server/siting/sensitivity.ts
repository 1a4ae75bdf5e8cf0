/**
 * How robust is a ranking? Two views on the sites that are ranked (not excluded) and have every
 * weighted value:
 * - weight stability: for each criterion, the interval of its weight (others rescaled in
 *   proportion) within which the current winner stays first, and who overtakes at each edge;
 * - SMAA-2 (Lahdelma & Salminen 2001): weights drawn uniformly from the simplex; for each site the
 *   share of weight vectors that put it at each rank, and the central weights that make it win.
 * A plain-language reading names the winner and the nearest weight edges.
 */
import { smaa, weightStability, type WeightInterval } from "@/server/scoring";
import type { LayerStore } from "@/server/layers/store";
import type { Scenario } from "@/server/schemas/scenario";
import type { Site } from "@/server/schemas/site";
import { evaluateSites, type RankResult } from "./evaluate";
import { scoringRefusalsAsInput } from "./criteria";

export interface SensitivityResult {
  /** Sites analysed (ranked, with every weighted value), in rank order. */
  sites: { id: string; name: string; rank: number }[];
  /** Sites left out, with why. */
  leftOut: { id: string; name: string; reason: string }[];
  stability: (WeightInterval & { criterionId: string; title: string; rivalBelowName: string | null; rivalAboveName: string | null })[];
  smaa: { samples: number; seed: number; rankAcceptability: number[][]; centralWeights: (number[] | null)[]; firstRankShare: number[] } | null;
  reading: string[];
}

export function analyseSensitivity(store: LayerStore, sites: readonly Site[], scenario: Scenario, opts: { samples?: number; seed?: number } = {}): SensitivityResult {
  const rank: RankResult = evaluateSites(store, sites, scenario);
  const weighted = scenario.criteria.map((c) => c.weight > 0);
  const leftOut: SensitivityResult["leftOut"] = [];
  const kept: RankResult["sites"] = [];
  for (const s of rank.sites) {
    if (s.excluded || s.rank === null) leftOut.push({ id: s.id, name: s.name, reason: s.exclusionReasons[0] ?? "not ranked" });
    else if (s.criteria.some((c, j) => weighted[j] && c.utility === null)) leftOut.push({ id: s.id, name: s.name, reason: "a weighted value is missing" });
    else kept.push(s);
  }
  kept.sort((a, b) => a.rank! - b.rank!);
  const cols = scenario.criteria.map((_, j) => j).filter((j) => weighted[j]);
  const matrix = kept.map((s) => cols.map((j) => s.criteria[j]!.utility!));
  const weights = cols.map((j) => scenario.criteria[j]!.weight);
  const titles = cols.map((j) => rank.criteria[j]!.title);
  const result: SensitivityResult = { sites: kept.map((s) => ({ id: s.id, name: s.name, rank: s.rank! })), leftOut, stability: [], smaa: null, reading: [] };
  if (kept.length < 2) {
    result.reading.push(kept.length === 1 ? `${kept[0]!.name} is the only ranked site: nothing to compare.` : "No site is ranked: nothing to analyse.");
    return result;
  }
  const method = scenario.method.method;
  const engineMethod = method === "wsm" || method === "wpm" || method === "waspas" || method === "topsis" ? { method, normalization: "none" as const } : method;
  const intervals = scoringRefusalsAsInput(() => weightStability({ matrix, types: cols.map(() => "benefit" as const), weights }, engineMethod));
  const nameOf = (i: number | null) => (i === null ? null : kept[i]!.name);
  result.stability = intervals.map((w, k) => ({ ...w, criterionId: scenario.criteria[cols[k]!]!.id, title: titles[k]!, rivalBelowName: nameOf(w.rivalBelow), rivalAboveName: nameOf(w.rivalAbove) }));

  const samples = opts.samples ?? 10_000, seed = opts.seed ?? 1;
  const s = scoringRefusalsAsInput(() => smaa(matrix, { samples, seed }));
  result.smaa = { samples, seed, rankAcceptability: s.rankAcceptability, centralWeights: s.centralWeights, firstRankShare: s.rankAcceptability.map((r) => r[0] ?? 0) };
  result.reading = readSensitivity(kept[0]!.name, result.stability, result.smaa.firstRankShare, kept.map((k) => k.name));
  return result;
}

const pct = (x: number) => `${Math.round(x * 100)} %`;
const w2 = (x: number) => x.toFixed(2);

/** Plain-language sentences: "Luleå stays first unless the carbon weight falls below 0.18 (then Oslo wins)". */
export function readSensitivity(winner: string, stability: SensitivityResult["stability"], firstShare: number[], names: string[]): string[] {
  const lines: string[] = [];
  const edges = stability.flatMap((s) => [
    s.lower > 0 ? { text: `the ${s.title} weight falls below ${w2(s.lower)} (now ${w2(s.weight)}; then ${s.rivalBelowName ?? "another site"} wins)`, margin: s.weight - s.lower } : null,
    s.upper < 1 ? { text: `the ${s.title} weight rises above ${w2(s.upper)} (now ${w2(s.weight)}; then ${s.rivalAboveName ?? "another site"} wins)`, margin: s.upper - s.weight } : null,
  ]).filter((e): e is { text: string; margin: number } => e !== null).sort((a, b) => a.margin - b.margin);
  lines.push(edges.length
    ? `${winner} stays first unless ${edges.slice(0, 3).map((e) => e.text).join(", or ")}.`
    : `${winner} stays first whatever any single weight is (others rescaled in proportion).`);
  const order = firstShare.map((share, i) => ({ share, name: names[i]! })).sort((a, b) => b.share - a.share).filter((x) => x.share > 0.005);
  lines.push(`With weights drawn at random (SMAA), ${order.slice(0, 3).map((o) => `${o.name} ranks first ${pct(o.share)} of the time`).join(", ")}${order.length > 3 ? `, others less` : ""}.`);
  return lines;
}
