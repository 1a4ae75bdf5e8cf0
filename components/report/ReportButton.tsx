"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useState } from "react";
import { useTRPC } from "@/components/trpc/client";

/**
 * "Create report" for the open project and scenario, and the project's reports with links to the
 * web report and the downloads (PDF, CSV, GeoJSON, JSON).
 *
 * Tokens: the write token never goes into a URL. Downloads are fetched with the token in a header and
 * saved from a blob. Web-report links carry a read-only token: the report's own share token (kept in
 * this browser's localStorage when the report is created here) or, when given, the project's share token.
 * A report is made from the project as last saved: pass `disabledReason` while there are unsaved edits.
 */
export interface ReportButtonProps {
  projectId: string | null;
  /** Returns the project's write token (e.g. from components/project/tokens), or null when read-only. */
  getWriteToken: () => string | null;
  scenarioId: string | null;
  /** The project's read-only share token, for web-report links of reports made in another browser. */
  shareToken?: string | null;
  /** Why a report cannot be made now (e.g. "Saving…"); the button is disabled with this text. */
  disabledReason?: string | null;
}

const KEY = "siting-atlas:reports";
const FORMATS = [["pdf", "PDF"], ["csv", "CSV"], ["geojson", "GeoJSON"], ["json", "JSON"]] as const;

function reportTokens(): Record<string, string> {
  try {
    return JSON.parse(window.localStorage.getItem(KEY) ?? "{}") as Record<string, string>;
  } catch {
    return {};
  }
}

function rememberReportToken(id: string, token: string) {
  const all = reportTokens();
  all[id] = token;
  window.localStorage.setItem(KEY, JSON.stringify(all));
}

async function download(id: string, format: string, token: string): Promise<void> {
  const res = await fetch(`/api/reports/${encodeURIComponent(id)}/${format}`, { headers: { "x-report-token": token } });
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { error?: string } | null;
    throw new Error(body?.error ?? `download failed (${res.status})`);
  }
  const name = /filename="([^"]+)"/.exec(res.headers.get("content-disposition") ?? "")?.[1] ?? `report.${format}`;
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function ReportButton({ projectId, getWriteToken, scenarioId, shareToken = null, disabledReason = null }: ReportButtonProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const writeToken = typeof window === "undefined" ? null : getWriteToken();
  const listToken = writeToken ?? shareToken;
  const list = useQuery({
    ...trpc.reports.list.queryOptions({ projectId: projectId ?? "", token: listToken ?? "" }),
    enabled: Boolean(projectId && listToken),
  });
  const create = useMutation(trpc.reports.create.mutationOptions({
    onSuccess: (r) => {
      rememberReportToken(r.id, r.shareToken);
      setError(null);
      void queryClient.invalidateQueries({ queryKey: trpc.reports.list.queryKey() });
    },
    onError: (e) => setError(e.message),
  }));
  const onCreate = useCallback(() => {
    const token = getWriteToken();
    if (!projectId || !scenarioId || !token) return;
    create.mutate({ projectId, writeToken: token, scenarioId });
  }, [create, getWriteToken, projectId, scenarioId]);

  const why = disabledReason ?? (!projectId ? "Save the project first." : !scenarioId ? "Choose a scenario first." : !writeToken ? "Only the project's owner can create reports." : null);
  const known = typeof window === "undefined" ? {} : reportTokens();

  return (
    <section className="report-button" data-testid="report-button" aria-label="Reports">
      <button type="button" onClick={onCreate} disabled={Boolean(why) || create.isPending} title={why ?? "Make a report of the saved project under the chosen scenario"}>
        {create.isPending ? "Creating report…" : "Create report"}
      </button>
      {why && <span className="muted"> {why}</span>}
      {error && <p role="alert">{error}</p>}
      {list.data && list.data.reports.length > 0 && (
        <ul className="report-list">
          {list.data.reports.map((r) => {
            const viewToken = known[r.id] ?? shareToken;
            const token = writeToken ?? viewToken;
            return (
              <li key={r.id} data-testid="report-item">
                <span>{`${r.title} · ${r.scenarioId} · ${new Date(r.createdAt).toLocaleString()}`}</span>{" "}
                {viewToken && <a href={`/reports/${encodeURIComponent(r.id)}?token=${encodeURIComponent(viewToken)}`} target="_blank" rel="noreferrer">Open</a>}{" "}
                {token && FORMATS.map(([f, label]) => (
                  <button key={f} type="button" className="small" disabled={busy !== null} onClick={() => {
                    setBusy(`${r.id}:${f}`);
                    download(r.id, f, token).catch((e: unknown) => setError((e as Error).message)).finally(() => setBusy(null));
                  }}>{busy === `${r.id}:${f}` ? "…" : label}</button>
                ))}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
