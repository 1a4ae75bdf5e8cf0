/** The surface download reports the share received (of the decoded size) and returns every byte. */
import { describe, expect, it } from "vitest";
import { readWithProgress } from "@/components/surface/readWithProgress";

function chunked(parts: number[]): Response {
  let k = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(c) {
      if (k >= parts.length) return c.close();
      c.enqueue(new Uint8Array(parts[k]!).fill(k + 1));
      k++;
    },
  });
  return new Response(stream);
}

describe("readWithProgress", () => {
  it("reports rising whole-per-cent shares up to 1 and returns the bytes in order", async () => {
    const shares: (number | null)[] = [];
    const buf = new Uint8Array(await readWithProgress(chunked([250, 250, 250, 250]), 1000, (s) => shares.push(s)));
    expect(shares).toEqual([0.25, 0.5, 0.75, 1]);
    expect(buf.byteLength).toBe(1000);
    expect([buf[0], buf[250], buf[999]]).toEqual([1, 2, 4]);
  });

  it("reports an unknown share as null, never a guess, when the size is not known", async () => {
    const shares: (number | null)[] = [];
    await readWithProgress(chunked([10, 10]), null, (s) => shares.push(s));
    expect(shares).toEqual([null]);
  });
});
