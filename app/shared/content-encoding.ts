// Which compression a response gets (decision 0031). Pages kept by the page cache are compressed
// once, so they are sent as brotli, the smallest. A response rendered for one request is
// compressed while it streams: brotli costs about 1 ms of CPU more per response than gzip even
// with a small window, and 4–5 ms with its default 4 MB window, while the page itself renders in
// 2–3 ms; so rendered responses are gzipped.

export type ContentEncoding = "br" | "gzip" | "identity";

/** Whether the client accepts an encoding, from its Accept-Encoding header (q=0 refuses one). */
function acceptedBy(acceptEncoding: string | undefined): (name: string) => boolean {
  const accepted = new Map<string, number>();
  for (const part of (acceptEncoding ?? "").split(",")) {
    const [name, ...params] = part.trim().toLowerCase().split(";");
    if (!name) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    accepted.set(name, q ? Number(q.slice(2)) || 0 : 1);
  }
  return (name) => (accepted.get(name) ?? accepted.get("*") ?? 0) > 0;
}

/** The encoding of a stored (already compressed) page: brotli, then gzip. */
export function storedPageEncoding(acceptEncoding: string | undefined): ContentEncoding {
  const accepts = acceptedBy(acceptEncoding);
  if (accepts("br")) return "br";
  if (accepts("gzip")) return "gzip";
  return "identity";
}

/**
 * The Accept-Encoding header to hand to the compression of a response rendered now: gzip whenever
 * the client takes it, otherwise what the client asked for.
 */
export function renderedResponseAcceptEncoding(
  acceptEncoding: string | undefined,
): string | undefined {
  return acceptedBy(acceptEncoding)("gzip") ? "gzip" : acceptEncoding;
}
