import type { UsageSample } from "../../providers/contract";

export const HOUR_MS = 3_600_000;

/** One stored point: the hour's start (UTC) and the mean over that hour. */
export interface HourlyPoint {
  hour: Date;
  value: number;
}

/**
 * Means per UTC hour of fine samples (Gnocchi's 5-minute ones), for hours that have at least one sample.
 *
 * Why hourly: it is what the charts draw (24 h and 7 d as hours, 30 d as 720 points), what rightsizing reasons in
 * (sustained load, not single 5-minute blips), and it keeps storage at 2 rows per server per hour —
 * 12× less than the raw samples, ~1.5k rows a server a month. An hour with only some samples (the VM started at
 * :40) is the mean of the time it ran: a stopped VM's hours are absent, never zeros.
 */
export function hourlyMeans(samples: readonly UsageSample[]): HourlyPoint[] {
  const sums = new Map<number, { sum: number; count: number }>();
  for (const [at, value] of samples) {
    const hour = Math.floor(at / HOUR_MS) * HOUR_MS;
    const entry = sums.get(hour);
    if (entry) {
      entry.sum += value;
      entry.count += 1;
    } else sums.set(hour, { sum: value, count: 1 });
  }
  return [...sums.entries()].sort(([a], [b]) => a - b).map(([hour, { sum, count }]) => ({ hour: new Date(hour), value: sum / count }));
}

/** Percent as stored: clipped to 0–100 (a guest can report a little over its flavor) and rounded to 0.01. */
export function storedPercent(value: number): number {
  return Math.round(Math.min(100, Math.max(0, value)) * 100) / 100;
}

/** Memory MB → percent of the flavor's RAM; null when the flavor's RAM is unknown (nothing honest to divide by). */
export function ramPercent(ramMb: number, flavorRamMb: number | null): number | null {
  return flavorRamMb && flavorRamMb > 0 ? storedPercent((ramMb / flavorRamMb) * 100) : null;
}
