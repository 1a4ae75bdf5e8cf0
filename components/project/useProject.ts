"use client";
import { useMutation } from "@tanstack/react-query";
import { useTRPCClient } from "@/components/trpc/client";
import { useCallback, useEffect, useRef, useState } from "react";
import type { Scenario } from "@/server/schemas/scenario";
import type { Site } from "@/server/schemas/site";
import { rememberProject, tokensFor } from "./tokens";

export type SaveStatus = "unsaved" | "saving" | "saved" | "conflict" | "error" | "read-only";

export interface ProjectState {
  id: string | null;
  access: "write" | "read";
  version: number;
  name: string;
  sites: Site[];
  scenarios: Scenario[];
  activeScenarioId: string | null;
  shareToken: string | null;
}

const EMPTY: ProjectState = { id: null, access: "write", version: 0, name: "Untitled project", sites: [], scenarios: [], activeScenarioId: null, shareToken: null };
const AUTOSAVE_MS = 700;

/**
 * The open project: its sites and scenarios, autosaved (debounced) to the server with the version it
 * was loaded at, so a save from a stale tab is refused with a conflict instead of overwriting.
 * A project is created on the first edit; its id goes in the URL, its write token stays in this browser.
 */
export function useProject(opts: { projectId: string | null; shareToken: string | null; onCreated: (id: string) => void }) {
  const client = useTRPCClient();
  const [state, setState] = useState<ProjectState>(EMPTY);
  const [status, setStatus] = useState<SaveStatus>("saved");
  const [message, setMessage] = useState<string | null>(null);
  const [loaded, setLoaded] = useState(false);
  const dirty = useRef(false);
  const latest = useRef(state);
  latest.current = state;

  // Open the project named in the URL (write token from this browser) or a share link (read-only).
  useEffect(() => {
    let cancelled = false;
    async function open() {
      try {
        if (opts.shareToken) {
          const r = await client.projects.shared.query({ shareToken: opts.shareToken });
          if (!cancelled) setState({ ...fromProject(r.project), access: "read", shareToken: opts.shareToken });
          setStatus("read-only");
        } else if (opts.projectId) {
          const tokens = tokensFor(opts.projectId);
          if (!tokens) throw new Error("This browser does not hold the write token of that project. Ask its owner for a share link.");
          const r = await client.projects.get.query({ id: opts.projectId, token: tokens.writeToken });
          if (!cancelled) setState({ ...fromProject(r.project), access: r.access, shareToken: tokens.shareToken });
        }
      } catch (err) {
        if (!cancelled) {
          setStatus("error");
          setMessage((err as Error).message);
        }
      } finally {
        if (!cancelled) setLoaded(true);
      }
    }
    void open();
    return () => {
      cancelled = true;
    };
  }, [client, opts.projectId, opts.shareToken]);

  const save = useMutation({
    mutationFn: async () => {
      let s = latest.current;
      let id = s.id;
      if (!id) {
        const created = await client.projects.create.mutate({ name: s.name });
        rememberProject(created.id, { writeToken: created.writeToken, shareToken: created.shareToken });
        id = created.id;
        setState((prev) => ({ ...prev, id: created.id, version: created.version, shareToken: created.shareToken }));
        s = { ...latest.current, id: created.id, version: created.version };
        opts.onCreated(created.id);
      }
      const tokens = tokensFor(id)!;
      const snapshot = latest.current;
      const r = await client.projects.save.mutate({
        id, writeToken: tokens.writeToken, expectedVersion: s.version,
        content: { name: snapshot.name, sites: snapshot.sites, scenarios: snapshot.scenarios },
      });
      return r.version;
    },
    onMutate: () => {
      dirty.current = false;
      setStatus("saving");
    },
    onSuccess: (version) => {
      setState((prev) => ({ ...prev, version }));
      setStatus(dirty.current ? "unsaved" : "saved");
      setMessage(null);
    },
    onError: (err) => {
      const conflict = (err as { data?: { code?: string } }).data?.code === "CONFLICT";
      setStatus(conflict ? "conflict" : "error");
      setMessage((err as Error).message);
    },
  });

  // Debounced autosave after every edit.
  const saveNow = save.mutate;
  useEffect(() => {
    if (status !== "unsaved" || save.isPending) return;
    const t = setTimeout(() => saveNow(), AUTOSAVE_MS);
    return () => clearTimeout(t);
  }, [status, state, save.isPending, saveNow]);

  const edit = useCallback((change: (s: ProjectState) => ProjectState) => {
    setState((prev) => {
      if (prev.access !== "write") return prev;
      return change(prev);
    });
    dirty.current = true;
    setStatus((s) => (s === "conflict" || s === "read-only" ? s : "unsaved"));
  }, []);

  return { state, status, message, loaded, edit };
}

function fromProject(p: { id: string; version: number; name: string; sites: Site[]; scenarios: Scenario[] }): Omit<ProjectState, "access" | "shareToken"> {
  return { id: p.id, version: p.version, name: p.name, sites: p.sites, scenarios: p.scenarios, activeScenarioId: p.scenarios[0]?.id ?? null };
}
