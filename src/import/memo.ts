/**
 * Memoised string functions for the extractors. Every extractor normalises the
 * same cell and line texts again (squash, label forms), so remembering the
 * result per text makes an import several times cheaper than recomputing.
 *
 * The caches are bounded (a long-running server imports many documents) and
 * emptied at the start of every import, so each import pays its own cost and
 * benchmarks measure a cold document, not a warm cache.
 */
const caches: Map<string, unknown>[] = [];

export function memoByText<T>(fn: (text: string) => T, limit = 1 << 16): (text: string) => T {
  const cache = new Map<string, T>();
  caches.push(cache);
  return (text) => {
    let r = cache.get(text);
    if (r === undefined && !cache.has(text)) {
      r = fn(text);
      if (cache.size >= limit) cache.clear();
      cache.set(text, r);
    }
    return r as T;
  };
}

/** Empties every memo: called once per import. */
export function forgetMemos(): void {
  for (const cache of caches) cache.clear();
}
