/** Shared input schemas for coordinates: one definition for tRPC inputs, imports and persistence. */
import { z } from "zod";

export const Latitude = z.number({ error: "must be a number (degrees)" }).finite().min(-90, "must be ≥ −90°").max(90, "must be ≤ 90°");
export const Longitude = z.number({ error: "must be a number (degrees)" }).finite().min(-180, "must be ≥ −180°").max(180, "must be ≤ 180°");

export const LatLon = z.object({ lat: Latitude, lon: Longitude }).strict();
export type LatLon = z.infer<typeof LatLon>;
