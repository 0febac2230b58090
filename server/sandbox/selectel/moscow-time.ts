/**
 * Selectel's billing API takes and returns naive datetimes (`YYYY-MM-DDTHH:MM:SS`, no zone). The sandbox reads
 * them as Moscow wall-clock time (UTC+3), as the third-party connector we learned from does; the real API's
 * zone is unverified. Moscow has had no daylight saving since 2014, so a fixed offset is exact, and Moscow
 * hours, days and months all start on whole UTC hours.
 */
export const HOUR_MS = 3_600_000;
const MOSCOW_OFFSET_MS = 3 * HOUR_MS;
const NAIVE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})$/;

/** Epoch ms of a Moscow naive datetime, or null when the text is not one (wrong shape or impossible date). */
export function parseMoscowNaive(text: string): number | null {
  const match = NAIVE.exec(text);
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number) as [number, number, number, number, number, number];
  const wallClock = Date.UTC(year, month - 1, day, hour, minute, second);
  // Date.UTC rolls 2025-02-30 over into March; a round trip catches impossible dates.
  if (new Date(wallClock).toISOString().slice(0, 19) !== text) return null;
  return wallClock - MOSCOW_OFFSET_MS;
}

export function formatMoscowNaive(epochMs: number): string {
  return new Date(epochMs + MOSCOW_OFFSET_MS).toISOString().slice(0, 19);
}

export function floorHour(epochMs: number): number {
  return Math.floor(epochMs / HOUR_MS) * HOUR_MS;
}

export function ceilHour(epochMs: number): number {
  return Math.ceil(epochMs / HOUR_MS) * HOUR_MS;
}

/** The Moscow calendar fields of an instant, read through a shifted UTC date. */
export function moscowWallClock(epochMs: number): Date {
  return new Date(epochMs + MOSCOW_OFFSET_MS);
}

/** Epoch ms of a Moscow wall-clock time given as UTC fields (month may overflow, Date.UTC normalizes). */
export function fromMoscowFields(year: number, month: number, day = 1): number {
  return Date.UTC(year, month, day) - MOSCOW_OFFSET_MS;
}
