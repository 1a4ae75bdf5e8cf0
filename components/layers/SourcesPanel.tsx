"use client";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { useTRPC } from "@/components/trpc/client";

/**
 * Every dataset in the manifest with publisher, URL, licence and vintage; non-commercial ones marked.
 * Then the layers with no data anywhere in this build (left out of the inspector), each with why.
 */
export function SourcesPanel({ open, onClose }: { open: boolean; onClose: () => void }) {
  const trpc = useTRPC();
  const sources = useQuery({ ...trpc.layers.sources.queryOptions(), enabled: open });
  const catalog = useQuery({ ...trpc.layers.catalog.queryOptions(), staleTime: Infinity, enabled: open });
  const missing = (catalog.data ?? []).filter((l) => l.quality === "missing");
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog ref={dialog} className="sources" aria-labelledby="sources-title" onClose={onClose}>
      <div className="dialog-head">
        <h2 id="sources-title">Sources and licences</h2>
        <button type="button" onClick={onClose}>Close</button>
      </div>
      {sources.isPending && <p>Loading…</p>}
      {sources.data && (
        <table>
          <thead>
            <tr><th scope="col">Dataset</th><th scope="col">Publisher</th><th scope="col">Licence</th><th scope="col">Vintage</th></tr>
          </thead>
          <tbody>
            {sources.data.map((s) => (
              <tr key={s.id} data-source={s.id}>
                <td><a href={s.url} rel="noreferrer noopener" target="_blank">{s.title}</a>{s.caveats && <div className="caveat">{s.caveats}</div>}</td>
                <td>{s.publisher}</td>
                <td>
                  {s.license}
                  {s.nonCommercial && <strong className="badge nc"> Non-commercial</strong>}
                  {s.shareAlike && <span className="badge"> Share-alike</span>}
                  <div className="attribution">{s.attribution}</div>
                </td>
                <td>{s.vintage}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {missing.length > 0 && (
        <section aria-labelledby="missing-layers-title" data-testid="missing-layers">
          <h3 id="missing-layers-title">Layers without data in this build</h3>
          <ul>
            {missing.map((l) => <li key={l.id} data-layer={l.id}><strong>{l.title}</strong>: {l.missingReason ?? "no data"}</li>)}
          </ul>
        </section>
      )}
    </dialog>
  );
}
