/**
 * Write tokens of the projects this browser created, kept in localStorage (never in the URL, so a
 * shared address bar or a server log never carries write access). Share links carry only the
 * read-only share token.
 */
const KEY = "siting-atlas:projects";

interface Stored { writeToken: string; shareToken: string }

function readAll(): Record<string, Stored> {
  try {
    return JSON.parse(window.localStorage.getItem(KEY) ?? "{}") as Record<string, Stored>;
  } catch {
    return {};
  }
}

export function rememberProject(id: string, tokens: Stored): void {
  const all = readAll();
  all[id] = tokens;
  window.localStorage.setItem(KEY, JSON.stringify(all));
}

export function tokensFor(id: string): Stored | null {
  return readAll()[id] ?? null;
}
