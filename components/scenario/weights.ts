/**
 * Weight editing rules (pure, so they are unit-tested): sliders show each weighted criterion's share
 * of the total; moving one slider sets its share exactly, locked criteria keep theirs, and the other
 * unlocked criteria share the remainder in proportion to their current weights. Constraint-only
 * criteria (weight 0) stay out of the sliders until given a weight.
 */
import type { Criterion } from "@/server/schemas/scenario";

export function shares(criteria: readonly Pick<Criterion, "weight">[]): number[] {
  const total = criteria.reduce((a, c) => a + c.weight, 0);
  return criteria.map((c) => (total > 0 ? c.weight / total : 0));
}

/**
 * Sets criterion `index` to `share` (0..1 of the total). Returns new weights summing to 1. If the
 * locked criteria already hold more than 1 − share, the moved criterion gets what is left.
 */
export function setShare(criteria: readonly Pick<Criterion, "weight" | "locked">[], index: number, share: number): number[] {
  const current = shares(criteria);
  const lockedTotal = criteria.reduce((a, c, i) => a + (i !== index && c.locked ? current[i]! : 0), 0);
  const target = Math.min(Math.max(0, share), 1 - lockedTotal);
  const free = criteria.map((c, i) => i !== index && !c.locked && c.weight > 0);
  const freeTotal = current.reduce((a, s, i) => a + (free[i] ? s : 0), 0);
  const freeCount = free.filter(Boolean).length;
  const remainder = 1 - lockedTotal - target;
  const next = current.map((s, i) => {
    if (i === index) return target;
    if (!free[i]) return s;
    return freeTotal > 0 ? (s / freeTotal) * remainder : remainder / freeCount;
  });
  // With no free criterion to absorb the change, the moved one takes what the locked ones leave.
  if (freeCount === 0) next[index] = 1 - lockedTotal - criteria.reduce((a, c, i) => a + (i !== index && !c.locked ? current[i]! : 0), 0);
  const total = next.reduce((a, b) => a + b, 0);
  return next.map((w) => (total > 0 ? w / total : 0));
}

/** Importance order (1 = most important) from current shares, ties broken by position. */
export function orderFromShares(sh: readonly number[]): number[] {
  const byShare = sh.map((s, i) => ({ s, i })).sort((a, b) => b.s - a.s || a.i - b.i);
  const order = new Array<number>(sh.length);
  byShare.forEach(({ i }, rank) => (order[i] = rank + 1));
  return order;
}
