/**
 * Selectel's billing API speaks naive datetimes (`YYYY-MM-DDTHH:MM:SS`, no zone) in both its query and its
 * rows. We read and write them as Moscow time (UTC+3) — the account's home zone, and what the third-party
 * connector we learned from does; Selectel does not document it. Moscow has had no DST since 2014, so a fixed
 * offset is exact. Consequence: "day" buckets are Moscow calendar days (21:00–21:00 UTC).
 */
const MOSCOW_OFFSET_MS = 3 * 3_600_000;
const NAIVE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})$/;

export const HOUR_MS = 3_600_000;

export function toMoscowNaive(instant: Date): string {
  return new Date(instant.getTime() + MOSCOW_OFFSET_MS).toISOString().slice(0, 19);
}

/** The instant of a Moscow naive datetime; null when the text is not one. */
export function fromMoscowNaive(text: string): Date | null {
  const match = NAIVE.exec(text.slice(0, 19));
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number) as [number, number, number, number, number, number];
  return new Date(Date.UTC(year, month - 1, day, hour, minute, second) - MOSCOW_OFFSET_MS);
}

export function floorToHour(instant: Date): Date {
  return new Date(Math.floor(instant.getTime() / HOUR_MS) * HOUR_MS);
}
