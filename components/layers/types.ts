import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/trpc/root";

type Outputs = inferRouterOutputs<AppRouter>;
export type CatalogLayer = Outputs["layers"]["catalog"][number];
export type Legend = CatalogLayer["legend"];
export type Source = Outputs["layers"]["sources"][number];
export type SampleResponse = Outputs["layers"]["sample"];

/** Panel order and headings of the layer categories. */
export const CATEGORIES: { id: CatalogLayer["category"]; title: string }[] = [
  { id: "risk", title: "Climate risk" },
  { id: "carbon", title: "Grid carbon" },
  { id: "cooling", title: "Cooling climate" },
  { id: "water", title: "Water" },
  { id: "sovereignty", title: "Data sovereignty" },
  { id: "connectivity", title: "Connectivity" },
  { id: "access", title: "Access to towns" },
  { id: "power", title: "Power" },
  { id: "renewables", title: "Renewables" },
  { id: "market", title: "Power market" },
];

/** Formats a layer value with its unit or category label. */
export function formatValue(v: { value: number | string | null; label?: string }, unit: string): string {
  if (v.value === null) return "no value";
  if (v.label) return v.label;
  if (typeof v.value === "number") return `${v.value.toLocaleString("en", { maximumFractionDigits: 3 })} ${unit}`;
  return v.value;
}
