/**
 * The shareable part of the workspace — viewport and active layers with their opacity — encoded in
 * the URL query so a link reopens the same view: `?project=<id>&view=<zoom>/<lat>/<lon>&layers=<id>:<opacity%>,…`
 * (the project id alone opens nothing: the write token stays in the creator's browser).
 * Pure functions: parsing never throws; anything malformed falls back to the default.
 *
 * Without a `layers` parameter the map opens on the default layers (grid carbon intensity, so a first
 * visit shows evidence at once); `layers=` (empty) means none, so switching every layer off survives
 * a reload.
 */
export interface ActiveLayer { id: string; opacity: number }
export interface ViewState { zoom: number; lat: number; lon: number; layers: ActiveLayer[]; project: string | null }

/** The evidence shown on a first visit: the grid's carbon intensity, the criterion most presets weigh most. */
export const DEFAULT_LAYERS: readonly ActiveLayer[] = Object.freeze([{ id: "carbon.grid_intensity", opacity: 0.8 }]);

export const DEFAULT_VIEW: ViewState = { zoom: 1.3, lat: 30, lon: 10, layers: [...DEFAULT_LAYERS], project: null };
const LAYER_ID = /^[a-z]+\.[a-z0-9_]+$/;

export function parseViewState(search: string): ViewState {
  const params = new URLSearchParams(search);
  const view: ViewState = { ...DEFAULT_VIEW, layers: params.has("layers") ? [] : DEFAULT_LAYERS.map((l) => ({ ...l })) };
  const project = params.get("project");
  if (project && /^[A-Za-z0-9_-]{22}$/.test(project)) view.project = project;
  const parts = (params.get("view") ?? "").split("/").map(Number);
  if (parts.length === 3 && parts.every(Number.isFinite)) {
    const [zoom, lat, lon] = parts as [number, number, number];
    if (zoom >= 0 && zoom <= 22 && Math.abs(lat) <= 85 && Math.abs(lon) <= 180) Object.assign(view, { zoom, lat, lon });
  }
  for (const item of (params.get("layers") ?? "").split(",")) {
    const [id, op] = item.split(":");
    if (!id || !LAYER_ID.test(id) || view.layers.some((l) => l.id === id)) continue;
    const opacity = op === undefined ? 0.8 : Number(op) / 100;
    view.layers.push({ id, opacity: Number.isFinite(opacity) ? Math.min(1, Math.max(0, opacity)) : 0.8 });
  }
  return view;
}

export function serializeViewState(v: ViewState): string {
  const params = new URLSearchParams();
  if (v.project) params.set("project", v.project);
  params.set("view", `${v.zoom.toFixed(2)}/${v.lat.toFixed(4)}/${v.lon.toFixed(4)}`);
  params.set("layers", v.layers.map((l) => `${l.id}:${Math.round(l.opacity * 100)}`).join(","));
  return `?${params.toString().replace(/%2F/g, "/").replace(/%3A/g, ":").replace(/%2C/g, ",")}`;
}
