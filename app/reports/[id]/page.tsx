import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getDb } from "@/server/db";
import { ForbiddenError, NotFoundError } from "@/server/errors";
import { layerStore } from "@/server/layers/bundledStore";
import { isToken } from "@/server/schemas/token";
import { figuresFor, getReport, REPORT_FORMATS } from "@/server/reports/storedReports";
import { ReportView } from "@/server/reports/web/ReportView";
import css from "@/server/documents/web/document.module.css";

export const dynamic = "force-dynamic";

// Never indexed, and never sends the token in the address bar to the sites the provenance section links to.
export const metadata: Metadata = { title: "Siting report · Siting Atlas", robots: { index: false, follow: false }, referrer: "no-referrer" };

function Problem({ title, text }: { title: string; text: string }) {
  return (
    <main className={css.error}>
      <h1>{title}</h1>
      <p>{text}</p>
    </main>
  );
}

/**
 * `/reports/<id>?token=…`: the web report (printable: the print CSS lays it out on A4). The token is
 * the report's own share token or the project's share or write token.
 */
export default async function ReportPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { id } = await params;
  const sp = await searchParams;
  const token = typeof sp.token === "string" ? sp.token : null;
  if (!isToken(id)) notFound();
  if (!isToken(token)) return <Problem title="This report needs its link" text="Open the report with the link you were given: it carries the token (?token=…) that opens it." />;
  let report;
  try {
    report = await getReport(await getDb(), id, token);
  } catch (err) {
    if (err instanceof NotFoundError) notFound();
    if (err instanceof ForbiddenError) return <Problem title="Not allowed" text="The token in this link does not open this report." />;
    throw err;
  }
  const q = `?token=${encodeURIComponent(token)}`;
  const labels: Record<(typeof REPORT_FORMATS)[number], string> = { pdf: "PDF", csv: "CSV (ranking and metrics)", geojson: "GeoJSON (sites)", json: "JSON (scenario and results)" };
  const downloads = REPORT_FORMATS.map((f) => ({ label: labels[f], href: `/api/reports/${encodeURIComponent(id)}/${f}${q}` }));
  return <ReportView content={report.content} figures={figuresFor(layerStore(), report.content)} downloads={downloads} />;
}
