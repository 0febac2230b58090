import type { PeriodGroupType } from "./consumption-params";
import { HOUR_MS, formatMoscowNaive, fromMoscowFields, moscowWallClock } from "./moscow-time";

export interface PeriodBucket {
  /** The whole calendar bucket (epoch ms); charges are clipped to the query range separately. */
  start: number;
  end: number;
  /** What the API stamps on the row: the bucket's Moscow start as a naive datetime. */
  period: string;
}

/** Moscow calendar buckets covering [from, to); "all" is one bucket stamped with the range start. */
export function periodBuckets(type: PeriodGroupType, from: number, to: number): PeriodBucket[] {
  if (type === "all") return [{ start: from, end: to, period: formatMoscowNaive(from) }];
  const buckets: PeriodBucket[] = [];
  let start = bucketStart(type, from);
  while (start < to) {
    const end = nextBucket(type, start);
    buckets.push({ start, end, period: formatMoscowNaive(start) });
    start = end;
  }
  return buckets;
}

function bucketStart(type: Exclude<PeriodGroupType, "all">, epochMs: number): number {
  if (type === "hour") return Math.floor(epochMs / HOUR_MS) * HOUR_MS;
  const wall = moscowWallClock(epochMs);
  const [year, month, day] = [wall.getUTCFullYear(), wall.getUTCMonth(), wall.getUTCDate()];
  if (type === "day") return fromMoscowFields(year, month, day);
  // ISO weeks start on Monday.
  if (type === "week") return fromMoscowFields(year, month, day - ((wall.getUTCDay() + 6) % 7));
  if (type === "month") return fromMoscowFields(year, month);
  return fromMoscowFields(year, 0);
}

function nextBucket(type: Exclude<PeriodGroupType, "all">, start: number): number {
  if (type === "hour") return start + HOUR_MS;
  if (type === "day") return start + 24 * HOUR_MS;
  if (type === "week") return start + 7 * 24 * HOUR_MS;
  const wall = moscowWallClock(start);
  if (type === "month") return fromMoscowFields(wall.getUTCFullYear(), wall.getUTCMonth() + 1);
  return fromMoscowFields(wall.getUTCFullYear() + 1, 0);
}
