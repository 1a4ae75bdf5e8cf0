"use client";
import { useMutation } from "@tanstack/react-query";
import { useState, type ChangeEvent } from "react";
import { useTRPC } from "@/components/trpc/client";
import type { Site } from "@/server/schemas/site";

const MAX_BYTES = 5 * 1024 * 1024;

/** Import sites from CSV or GeoJSON: shows every bad row with its reason; valid rows are added on confirmation. */
export function ImportSites({ onAdd, existingIds }: { onAdd: (sites: Site[]) => void; existingIds: Set<string> }) {
  const trpc = useTRPC();
  const importer = useMutation(trpc.sites.import.mutationOptions());
  const [fileError, setFileError] = useState<string | null>(null);

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = "";
    if (!file) return;
    setFileError(null);
    if (file.size > MAX_BYTES) return setFileError(`${file.name} is ${(file.size / 2 ** 20).toFixed(1)} MB; imports are limited to 5 MB.`);
    const format = /\.(geo)?json$/i.test(file.name) ? "geojson" : "csv";
    importer.mutate({ format, content: await file.text() });
  };

  const result = importer.data;
  const clashes = result ? result.sites.filter((s) => existingIds.has(s.id)).length : 0;
  return (
    <div className="import">
      <label className="file-button">
        Import CSV or GeoJSON…
        <input type="file" accept=".csv,.txt,.json,.geojson,text/csv,application/json" onChange={onFile} data-testid="import-file" />
      </label>
      <p className="hint">CSV columns: name, lat, lon; optional id and overrides named by layer id (e.g. power.price_usd_per_mwh). Up to 10,000 rows, 5 MB.</p>
      {fileError && <p role="alert" className="form-error">{fileError}</p>}
      {importer.error && <p role="alert" className="form-error">{importer.error.message}</p>}
      {result && (
        <div className="import-result" data-testid="import-result" aria-live="polite">
          <p>
            Read {result.rowsRead} rows: <strong>{result.sites.length} valid</strong>, {result.errors.length ? <strong className="bad">{new Set(result.errors.map((e) => e.row)).size} with errors</strong> : "no errors"}.
          </p>
          {result.errors.length > 0 && (
            <table className="row-errors" data-testid="import-errors">
              <caption>Rows not imported</caption>
              <thead><tr><th scope="col">Row</th><th scope="col">Field</th><th scope="col">Problem</th></tr></thead>
              <tbody>
                {result.errors.slice(0, 200).map((err, i) => (
                  <tr key={i}><td>{err.row}</td><td>{err.field ?? "—"}</td><td>{err.message}</td></tr>
                ))}
              </tbody>
            </table>
          )}
          {result.errors.length > 200 && <p>…and {result.errors.length - 200} more.</p>}
          {result.warnings.length > 0 && (
            <ul className="warnings">{result.warnings.slice(0, 50).map((w, i) => <li key={i}>Row {w.row}: {w.message}</li>)}</ul>
          )}
          {clashes > 0 && <p className="bad">{clashes} imported ids already exist in the project and will get a suffix.</p>}
          <button type="button" disabled={!result.sites.length} onClick={() => { onAdd(result.sites); importer.reset(); }}>
            Add {result.sites.length} valid sites
          </button>{" "}
          <button type="button" onClick={() => importer.reset()}>Discard</button>
        </div>
      )}
    </div>
  );
}
