"use client";
import { useState } from "react";
import type { ProjectState, SaveStatus } from "@/components/project/useProject";

const STATUS_TEXT: Record<SaveStatus, string> = {
  unsaved: "Unsaved changes…", saving: "Saving…", saved: "All changes saved", conflict: "Not saved: changed elsewhere", error: "Not saved", "read-only": "Read-only (shared link)",
};

/** Project name, save state (autosave) and the read-only share link. */
export function ProjectBar({ state, status, message, readOnly, onRename }: { state: ProjectState; status: SaveStatus; message: string | null; readOnly: boolean; onRename: (name: string) => void }) {
  const [copied, setCopied] = useState(false);
  const shareUrl = state.shareToken ? `${typeof window === "undefined" ? "" : window.location.origin}/share/${state.shareToken}` : null;
  return (
    <div className="project-bar">
      <label className="sr-only" htmlFor="project-name">Project name</label>
      <input id="project-name" value={state.name} readOnly={readOnly} maxLength={200} onChange={(e) => e.target.value.trim() && onRename(e.target.value)} />
      <span className={`save-status s-${status}`} data-testid="save-status" role="status">{STATUS_TEXT[status]}</span>
      {(status === "conflict" || status === "error") && message && (
        <span role="alert" className="form-error">{message} {status === "conflict" && <button type="button" onClick={() => window.location.reload()}>Reload</button>}</span>
      )}
      {shareUrl && !readOnly && (
        <button type="button" data-testid="share" onClick={async () => {
          await navigator.clipboard?.writeText(shareUrl).catch(() => {});
          setCopied(true);
        }} title={shareUrl}>{copied ? "Link copied" : "Copy read-only link"}</button>
      )}
      {shareUrl && <a href={shareUrl} className="sr-only" data-testid="share-link">Read-only link</a>}
    </div>
  );
}
