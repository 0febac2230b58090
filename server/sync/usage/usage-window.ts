import { HOUR_MS } from "./hourly-usage";

/** A connection's first sync (or a server first seen) reads this far back: a week shows the weekly rhythm. */
export const USAGE_BACKFILL_DAYS = 7;
/**
 * Gnocchi's metricd aggregates a little behind real time: an hour is read once it ended this long ago, so its last
 * 5-minute sample has landed.
 */
export const USAGE_SETTLE_MS = 5 * 60_000;

/** The exclusive end of what a sync reads: the last whole UTC hour that has settled. */
export function usageEnd(now: Date): Date {
  return new Date(Math.floor((now.getTime() - USAGE_SETTLE_MS) / HOUR_MS) * HOUR_MS);
}

/**
 * Where a server's window starts: the hour after its last stored point, so a repeated sync reads only new hours —
 * but never more than the backfill before `end` (a connection that did not sync for a month gets its last week).
 */
export function usageStart(lastStoredHour: Date | null, end: Date): Date {
  const earliest = end.getTime() - USAGE_BACKFILL_DAYS * 24 * HOUR_MS;
  return new Date(lastStoredHour ? Math.max(lastStoredHour.getTime() + HOUR_MS, earliest) : earliest);
}
