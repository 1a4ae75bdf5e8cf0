import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getDb } from "@/server/db";
import { ForbiddenError, NotFoundError } from "@/server/errors";
import { layerStore } from "@/server/layers/bundledStore";
import { isToken } from "@/server/schemas/token";
import { BRIEF_FORMATS, briefFiguresFor, getBrief } from "@/server/strategy/brief/storedBriefs";
import css from "@/server/documents/web/document.module.css";
import { BriefView } from "@/server/strategy/brief/web/BriefView";

export const dynamic = "force-dynamic";

// Never indexed, and never sends the token in the address bar to the sites the provenance section links to.
export const metadata: Metadata = { title: "Strategy brief · Siting Atlas", robots: { index: false, follow: false }, referrer: "no-referrer" };

function Problem({ title, text }: { title: string; text: string }) {
  return (
    <main className={css.error}>
      <h1>{title}</h1>
      <p>{text}</p>
    </main>
  );
}

/**
 * `/strategy/brief/<id>?token=…`: the web strategy brief (printable: the report's print CSS lays it
 * out on A4), with links to the PDF and the JSON. The token is the brief's read token.
 */
export default async function BriefPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { id } = await params;
  const sp = await searchParams;
  const token = typeof sp.token === "string" ? sp.token : null;
  if (!isToken(id)) notFound();
  if (!isToken(token)) return <Problem title="This brief needs its link" text="Open the brief with the link you were given: it carries the token (?token=…) that opens it." />;
  let brief;
  try {
    brief = await getBrief(await getDb(), id, token);
  } catch (err) {
    if (err instanceof NotFoundError) notFound();
    if (err instanceof ForbiddenError) return <Problem title="Not allowed" text="The token in this link does not open this strategy brief." />;
    throw err;
  }
  const q = `?token=${encodeURIComponent(token)}`;
  const labels: Record<(typeof BRIEF_FORMATS)[number], string> = { pdf: "PDF", json: "JSON (inputs and results)" };
  const downloads = BRIEF_FORMATS.map((f) => ({ label: labels[f], href: `/api/strategy/briefs/${encodeURIComponent(id)}/${f}${q}` }));
  return <BriefView content={brief.content} figures={briefFiguresFor(layerStore(), brief.content)} downloads={downloads} />;
}
