/** A point's own attributes in words, for the provenance of nearest-point values. */

/** What a point's own attributes say, for provenance ("22,500 MW hydro, capacity as of 2017"; "population 1.2 million"). */
export function pointDetail(p: Record<string, unknown>): string | undefined {
  const parts: string[] = [];
  if (typeof p.capacity_mw === "number") parts.push(`${grouped(p.capacity_mw)} MW${typeof p.fuel === "string" ? ` ${p.fuel.toLowerCase()}` : ""}`);
  if (typeof p.capacity_year === "number") parts.push(`capacity as of ${p.capacity_year}`);
  if (typeof p.population === "number") parts.push(`population ${grouped(p.population)}`);
  return parts.length ? parts.join(", ") : undefined;
}

/** 22500 → "22,500", 12.5 → "12.5" (toLocaleString is 100× slower, and this runs per distinct nearest point). */
function grouped(x: number): string {
  const [int, frac] = String(Math.round(x * 10) / 10).split(".");
  return int!.replace(/\B(?=(\d{3})+(?!\d))/g, ",") + (frac ? `.${frac}` : "");
}
