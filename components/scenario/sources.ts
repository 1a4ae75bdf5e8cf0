import type { inferRouterOutputs } from "@trpc/server";
import type { CatalogLayer } from "@/components/layers/types";
import type { AppRouter } from "@/server/trpc/root";
import type { ValueFunctionSpec } from "@/server/schemas/scenario";

export type MetricField = inferRouterOutputs<AppRouter>["scoring"]["metrics"][number];

/** Anything a criterion can read: a layer or an engineering metric, with what the editor needs. */
export interface SourceOption {
  id: string;
  title: string;
  unit: string;
  group: string;
  categorical: boolean;
  categories?: { key: string; label: string }[];
  direction: "lower_is_better" | "higher_is_better" | "categorical";
  domain?: [number, number];
}

export function sourceOptions(catalog: CatalogLayer[], metrics: readonly MetricField[]): SourceOption[] {
  const layers = catalog.filter((l) => l.quality !== "missing").map((l): SourceOption => ({
    id: l.id,
    title: l.title,
    unit: l.unit,
    group: `Layer: ${l.category}`,
    categorical: l.valueType === "categorical",
    ...(l.categories ? { categories: l.categories.map((c) => ({ key: c.key, label: c.label })) } : {}),
    direction: l.direction,
    ...(l.legend.kind === "continuous" ? { domain: l.legend.domain } : {}),
  }));
  const ms = metrics.map((m): SourceOption => ({
    id: m.sourceId,
    title: m.title,
    unit: m.unit,
    group: "Engineering metric",
    categorical: m.kind === "category",
    ...(m.categories ? { categories: m.categories.map((c) => ({ key: c, label: c })) } : {}),
    direction: m.direction,
  }));
  return [...ms, ...layers];
}

/** A sensible starting value function for a newly added criterion. */
export function defaultValueFunction(o: SourceOption): ValueFunctionSpec {
  if (o.categorical) {
    const cats = o.categories ?? [];
    return { type: "categorical", utilities: Object.fromEntries(cats.map((c, i) => [c.key, cats.length > 1 ? Math.round((1 - i / (cats.length - 1)) * 100) / 100 : 1])) };
  }
  const [lo, hi] = o.domain ?? [0, 100];
  return o.direction === "higher_is_better" ? { type: "linear", worst: lo, best: hi } : { type: "linear", worst: hi, best: lo };
}
