import type { Legend as LegendSpec } from "./types";

/** A layer's legend: a colour bar with its domain and unit, or category swatches. */
export function Legend({ legend, title }: { legend: LegendSpec; title: string }) {
  if (legend.kind === "categorical") {
    return (
      <ul className="legend-cats" aria-label={`Legend: ${title}`}>
        {legend.items.map((item) => (
          <li key={item.key}>
            <span className="swatch" style={{ background: item.color }} aria-hidden="true" />
            {item.label}
          </li>
        ))}
      </ul>
    );
  }
  const gradient = `linear-gradient(to right, ${legend.stops.map((s, i) => `${s.color} ${(100 * i) / (legend.stops.length - 1)}%`).join(", ")})`;
  const [lo, hi] = legend.domain;
  const fmt = (v: number) => v.toLocaleString("en", { maximumFractionDigits: 2 });
  return (
    <figure className="legend-bar" aria-label={`Legend: ${title}, from ${fmt(lo)} to ${fmt(hi)} ${legend.unit}`}>
      <div className="bar" style={{ background: gradient }} />
      <figcaption>
        <span>{fmt(lo)}</span>
        <span>{legend.unit}</span>
        <span>≥ {fmt(hi)}</span>
      </figcaption>
    </figure>
  );
}
