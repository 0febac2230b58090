/**
 * Marker pagination as Nova, Cinder and Neutron do it: the page starts after the item whose id is `marker`.
 * Each service wraps the result in its own links and errors.
 */
export type LimitParse = { ok: true; limit: number | null } | { ok: false };

/** `limit` must be a non-negative integer; absent means "the server's maximum". */
export function parseLimit(raw: string | null): LimitParse {
  if (raw === null || raw === "") return { ok: true, limit: null };
  if (!/^\d+$/.test(raw)) return { ok: false };
  return { ok: true, limit: Number(raw) };
}

/** Items after `marker` (or before it when `reverse`), at most `limit`; null when the marker is unknown. */
export function pageAfterMarker<T extends { id: string }>(items: readonly T[], marker: string | null, limit: number, reverse = false): T[] | null {
  let index = reverse ? items.length : -1;
  if (marker) {
    index = items.findIndex((item) => item.id === marker);
    if (index < 0) return null;
  }
  return reverse ? items.slice(Math.max(0, index - limit), index) : items.slice(index + 1, index + 1 + limit);
}

/** The request's own URL with its other parameters kept and these replaced, as the services build their links. */
export function linkWith(url: URL, replace: Record<string, string | null>): string {
  const next = new URL(url.href);
  for (const [key, value] of Object.entries(replace)) {
    if (value === null) next.searchParams.delete(key);
    else next.searchParams.set(key, value);
  }
  return next.href;
}
