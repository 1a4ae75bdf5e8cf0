/**
 * Place search over the bundled GeoNames cities (population ≥ 15,000): accent- and case-
 * insensitive, prefix matches first, then word-prefix and substring matches, larger places first.
 */
export interface Place { id: string; name: string; country: string; population: number; lat: number; lon: number }

/** Lower case without diacritics ("São Paulo" → "sao paulo"). */
export function fold(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().trim();
}

export class Gazetteer {
  private readonly folded: string[];
  constructor(private readonly places: readonly Place[]) {
    this.folded = places.map((p) => fold(p.name));
  }

  search(query: string, limit = 10): Place[] {
    const q = fold(query);
    if (q.length < 2) return [];
    const scored: { p: Place; rank: number }[] = [];
    for (let i = 0; i < this.places.length; i++) {
      const name = this.folded[i]!;
      const rank = name === q ? 0 : name.startsWith(q) ? 1 : name.includes(` ${q}`) || name.includes(`-${q}`) ? 2 : name.includes(q) ? 3 : -1;
      if (rank >= 0) scored.push({ p: this.places[i]!, rank });
    }
    scored.sort((a, b) => a.rank - b.rank || b.p.population - a.p.population);
    return scored.slice(0, limit).map((s) => s.p);
  }
}
