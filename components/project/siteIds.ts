import type { Site } from "@/server/schemas/site";

/** Gives incoming sites ids unique within the project (a clash gets a suffix, an empty id a new one). */
export function withUniqueIds(existing: readonly Site[], incoming: readonly Site[]): Site[] {
  const used = new Set(existing.map((s) => s.id));
  let counter = existing.length;
  return incoming.map((s) => {
    let id = s.id || `s${++counter}`;
    if (used.has(id)) {
      let k = 2;
      while (used.has(`${id}-${k}`)) k++;
      id = `${id}-${k}`;
    }
    used.add(id);
    return { ...s, id };
  });
}
