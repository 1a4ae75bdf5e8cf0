/**
 * The surface worker's message protocol, run in Node with a stand-in for the worker scope: load a
 * binary, score with weights (only the latest of a burst is served), probe a cell.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { computeSurface } from "@/server/siting/surface";
import { encodeSurface } from "@/server/schemas/surfaceFormat";
import type { FromWorker, ToWorker } from "@/components/surface/workerProtocol";
import { testStore } from "../../helpers/layers";
import { PLACES } from "../../helpers/places";
import { CARBON, PRICE, scenario } from "./helpers";

const received: FromWorker[] = [];
const scope: { onmessage: ((e: { data: ToWorker }) => void) | null; postMessage(m: FromWorker): void } = {
  onmessage: null,
  postMessage: (m) => received.push(m),
};

const send = (m: ToWorker) => scope.onmessage!({ data: m });
const settle = () => new Promise((r) => setTimeout(r, 20));

beforeAll(async () => {
  (globalThis as unknown as { self: unknown }).self = scope;
  await import("@/components/surface/surface.worker");
});

describe("surface worker", () => {
  it("loads, scores the latest weights of a burst, and probes cells", async () => {
    const sc = scenario([{ ...CARBON, constraints: [{ kind: "excludeAbove", value: 400 }] }, PRICE]);
    const bytes = encodeSurface(await computeSurface(testStore(), sc));
    send({ type: "load", seq: 1, buffer: bytes.slice().buffer });
    const loaded = received.find((m) => m.type === "loaded");
    expect(loaded?.type === "loaded" && loaded.width).toBe(1440);

    for (let i = 1; i <= 5; i++) send({ type: "score", seq: i, surface: 1, weights: [i, 1], missing: "exclude", method: "wsm", ramp: "absolute" });
    send({ type: "score", seq: 6, surface: 0, weights: [1, 1], missing: "exclude", method: "wsm", ramp: "absolute" }); // stale surface: dropped
    await settle();
    const images = received.filter((m) => m.type === "image");
    expect(images.length).toBe(1);
    const img = images[0]!;
    if (img.type !== "image") throw new Error();
    expect(img.seq).toBe(5);
    expect(img.pixels.byteLength).toBe(1440 * 2048 * 4);
    expect(img.stats.excluded).toBeGreaterThan(0);
    expect(img.ms.score).toBeLessThan(1000);

    send({ type: "probe", seq: 1, ...PLACES.oslo });
    send({ type: "probe", seq: 2, ...PLACES.warsaw });
    send({ type: "probe", seq: 3, ...PLACES.midAtlantic });
    const [oslo, warsaw, sea] = received.filter((m) => m.type === "probe");
    if (oslo?.type !== "probe" || warsaw?.type !== "probe" || sea?.type !== "probe") throw new Error("probes missing");
    expect(oslo.score!).toBeGreaterThan(50);
    expect(oslo.utilities.map((u) => u.id)).toEqual(["carbon", "price"]);
    expect(warsaw.excluded).toBe(true);
    expect(warsaw.score).toBeNull();
    if (loaded?.type !== "loaded") throw new Error("not loaded");
    expect(warsaw.excludedBy).toEqual([loaded.header.criteria[0]!.title]);
    expect(sea.cell).toBe(-1);
  });

  it("paints into a pixel buffer the map returned (ping-pong), not a fresh one", async () => {
    const first = received.filter((m) => m.type === "image").at(-1);
    if (first?.type !== "image") throw new Error("no image yet");
    send({ type: "recycle", buffer: first.pixels });
    send({ type: "score", seq: 7, surface: 1, weights: [2, 1], missing: "exclude", method: "wsm", ramp: "absolute" });
    await settle();
    const next = received.filter((m) => m.type === "image").at(-1);
    if (next?.type !== "image") throw new Error("no image");
    expect(next.seq).toBe(7);
    expect(next.pixels).toBe(first.pixels);
    send({ type: "score", seq: 8, surface: 1, weights: [1, 2], missing: "exclude", method: "wsm", ramp: "absolute" });
    await settle();
    const third = received.filter((m) => m.type === "image").at(-1);
    if (third?.type !== "image") throw new Error("no image");
    expect(third.pixels).not.toBe(first.pixels); // not returned yet: a fresh one
  });
});
