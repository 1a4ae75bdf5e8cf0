"use client";
import { useEffect, useRef } from "react";
import type { Scenario } from "@/server/schemas/scenario";
import { weightIndependentKey } from "@/server/schemas/scenarioKey";

/** Criteria edits within this long count as one (a value-function drag), ms. */
const SETTLE_MS = 600;

/**
 * Asks the server to compute the active scenario's suitability surface in the background while the
 * planner reads the ranking (issue 16: no cold wait when the surface is first ticked). Once per
 * weight-independent key — the key the server caches surfaces by, so weight moves cost nothing — and
 * never while the surface is on (then the surface layer fetches it itself). The request is aborted
 * when the response starts: the server has computed and cached the surface by then, and the bytes
 * are left for the real fetch. Costs one surface from the client's rate-limit budget per new key.
 */
export function useSurfacePrefetch(scenario: Scenario | null, surfaceOn: boolean, enabled: boolean): void {
  const done = useRef(new Set<string>());
  const key = scenario ? weightIndependentKey(scenario, "criteria") : null;
  const latest = useRef(scenario);
  latest.current = scenario;
  useEffect(() => {
    if (!enabled || surfaceOn || key === null || done.current.has(key)) return;
    const abort = new AbortController();
    const timer = setTimeout(() => {
      done.current.add(key);
      fetch("/api/surface", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(latest.current), signal: abort.signal })
        .then(() => abort.abort())
        .catch(() => done.current.delete(key)); // a failed warm-up costs nothing: the surface layer fetches and reports errors itself
    }, SETTLE_MS);
    return () => clearTimeout(timer);
  }, [key, surfaceOn, enabled]);
}
