/** A candidate site: one schema for tRPC input, persistence and import. */
import { z } from "zod";
import { Latitude, Longitude } from "./geo";

export const SITE_ORIGINS = ["map", "coordinates", "gazetteer", "import", "best-locations"] as const;

/** A user value that replaces a layer or metric value for one site (e.g. a negotiated PPA price). */
export const OverrideValue = z.union([z.number().finite(), z.string().min(1).max(100)]);

export const Site = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "must be 1–64 letters, digits, - or _"),
  name: z.string().trim().min(1, "must not be empty").max(200, "at most 200 characters"),
  lat: Latitude,
  lon: Longitude,
  /** Layer or metric id → value used instead of the layer's for this site, shown as an override. */
  overrides: z.record(z.string().regex(/^[a-z]+\.[a-z0-9_]+$/, "must be a layer or metric id"), OverrideValue).default({}),
  origin: z.enum(SITE_ORIGINS).default("coordinates"),
}).strict();
export type Site = z.infer<typeof Site>;

export const MAX_SITES = 10_000;
