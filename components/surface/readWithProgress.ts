/**
 * Reads a response body to the end while reporting the share received, so the surface legend can say
 * "Downloading 45 %" instead of only spinning. The share is of the decoded bytes: the browser hands the
 * body stream decompressed, so `Content-Length` (the gzip) is not the total; the surface route sends
 * the raw length as `x-surface-bytes`. Without a total it reports null (unknown share), never a guess.
 */
export async function readWithProgress(res: Response, total: number | null, onShare: (share: number | null) => void): Promise<ArrayBuffer> {
  if (!res.body) return res.arrayBuffer();
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  let lastReported = -1;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    received += value.byteLength;
    const share = total && total > 0 ? Math.min(1, received / total) : null;
    // Report in whole per cent, so a fast download does not re-render for every chunk.
    const pct = share === null ? -2 : Math.floor(share * 100);
    if (pct !== lastReported) {
      lastReported = pct;
      onShare(share);
    }
  }
  const out = new Uint8Array(received);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out.buffer;
}
