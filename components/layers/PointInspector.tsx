"use client";
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/client";

function formatValue(v: { value: number | string | null; label?: string }, unit: string): string {
  if (v.value === null) return "—";
  if (v.label) return v.label;
  return `${typeof v.value === "number" ? v.value.toLocaleString("en", { maximumFractionDigits: 3 }) : v.value} ${unit}`;
}

/** Every layer's value at a point, with unit, quality, the zone or country, year and source, or the reason it is missing. */
export function PointInspector({ point }: { point: { lat: number; lon: number } | null }) {
  const trpc = useTRPC();
  const catalog = useQuery(trpc.layers.catalog.queryOptions());
  const sample = useQuery({ ...trpc.layers.sample.queryOptions({ points: point ? [point] : [{ lat: 0, lon: 0 }] }), enabled: point !== null });
  if (!point) return <p>Click the map or enter coordinates to inspect every layer at that point.</p>;
  if (sample.isPending || catalog.isPending) return <p aria-live="polite">Sampling…</p>;
  if (sample.error) return <p role="alert">{sample.error.message}</p>;
  if (!sample.data || !catalog.data) return null;
  const result = sample.data.results[0]!;
  const byId = new Map(catalog.data.map((l) => [l.id, l]));
  return (
    <section aria-label="Values at the selected point" data-testid="inspector">
      <h2 style={{ fontSize: 16 }}>
        {point.lat.toFixed(3)}°, {point.lon.toFixed(3)}° — {result.country?.name ?? "no country"}
        {result.zone ? ` · grid zone ${result.zone.key}` : ""}
      </h2>
      <table style={{ borderCollapse: "collapse", fontSize: 13 }}>
        <thead>
          <tr><th align="left">Layer</th><th align="left">Value</th><th align="left">Quality</th><th align="left">Where / year / source</th></tr>
        </thead>
        <tbody>
          {sample.data.layers.map((id, k) => {
            const layer = byId.get(id);
            const v = result.values[k]!;
            const ref = v.ref !== undefined ? sample.data.refs[v.ref] : undefined;
            const where = ref?.kind === "feature" ? `${ref.name} · ${ref.year ?? ""} · ${ref.source ?? ""}` : ref?.kind === "nearest" ? `nearest: ${ref.name}` : layer?.sources.map((s) => s.publisher).join("; ");
            return (
              <tr key={id} data-layer={id} style={{ borderTop: "1px solid var(--border)" }}>
                <td>{layer?.title ?? id}</td>
                <td data-testid={`value-${id}`}>{formatValue(v, layer?.unit ?? "")}</td>
                <td>{v.quality}</td>
                <td>{v.value === null ? v.reason : where}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
