"use client";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import type { BriefCreated, BriefInput } from "./types";

/** Web page and PDF addresses of a brief (the read token opens it; it is the only token a brief has). */
export function briefLinks(b: Pick<BriefCreated, "id" | "token">): { web: string; pdf: string } {
  const id = encodeURIComponent(b.id), q = `?token=${encodeURIComponent(b.token)}`;
  return { web: `/strategy/brief/${id}${q}`, pdf: `/api/strategy/briefs/${id}/pdf${q}` };
}

/**
 * "Open the brief": makes a strategy brief on the server from the current profile inputs (and the
 * comparison and the plan when they are shown) and opens its web page in a new tab, then keeps links
 * to the web page and the PDF. The tab is opened in the click itself (so no pop-up blocker stops it)
 * and sent to the brief once it exists; if no tab could open, the links are the way in.
 */
export function BriefButton({ request, disabledReason, includes }: { request: BriefInput | null; disabledReason: string | null; includes: string }) {
  const trpc = useTRPC();
  const create = useMutation(trpc.strategy.createBrief.mutationOptions());
  const [made, setMade] = useState<BriefCreated | null>(null);
  const onClick = () => {
    if (!request) return;
    const tab = window.open("", "_blank");
    if (tab) {
      tab.opener = null;
      try {
        tab.document.title = "Preparing the strategy brief…";
        if (tab.document.body) tab.document.body.textContent = "Preparing the strategy brief…";
      } catch {
        // A browser that isolates the new tab: it stays blank until the brief opens.
      }
    }
    create.mutate(request, {
      onSuccess: (b) => {
        setMade(b);
        if (tab && !tab.closed) tab.location.href = briefLinks(b).web;
      },
      onError: () => tab?.close(),
    });
  };
  const links = made ? briefLinks(made) : null;
  return (
    <section className="brief-button" aria-label="Strategy brief" data-testid="brief-button" style={{ padding: "8px 12px", borderTop: "1px solid var(--border)" }}>
      <button type="button" onClick={onClick} disabled={!request || create.isPending} aria-describedby="brief-button-hint">
        {create.isPending ? "Making the brief…" : "Open the brief"}
      </button>
      <p id="brief-button-hint" className="hint" style={{ margin: "4px 0" }}>{disabledReason ?? `The brief holds ${includes}, as a web page and a PDF.`}</p>
      {create.error && <p role="alert">{create.error.message}</p>}
      <p role="status" aria-live="polite" data-testid="brief-links" style={{ margin: 0 }}>
        {links && made && (
          <>
            {`Brief ready: “${made.title}”. `}
            <a href={links.web} target="_blank" rel="noopener">Open the web brief</a>{" · "}
            <a href={links.pdf} download>Download the PDF</a>
          </>
        )}
      </p>
    </section>
  );
}
