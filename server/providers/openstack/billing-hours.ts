import type { BillingWindow } from "../contract";

export const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

export function floorHour(date: Date): Date {
  return new Date(Math.floor(date.getTime() / HOUR_MS) * HOUR_MS);
}

function ceilHour(time: number): number {
  return Math.ceil(time / HOUR_MS) * HOUR_MS;
}

/** Whole hours that can be billed: the window, cut at the last complete hour before now. */
export function billableEnd(window: BillingWindow, now: Date): Date {
  return new Date(Math.min(window.end.getTime(), floorHour(now).getTime()));
}

export interface BilledSpan {
  start: Date;
  end: Date;
  hours: number;
}

/**
 * The hours of one object in each UTC day of [window.start, end): whole hours from the later of the day's
 * start, the window's start and the object's first billed hour. A full day is 24 hours.
 */
export function dailySpans(window: BillingWindow, end: Date, billedFrom: Date | null): BilledSpan[] {
  const spans: BilledSpan[] = [];
  const from = Math.max(window.start.getTime(), billedFrom?.getTime() ?? -Infinity);
  for (let day = Math.floor(window.start.getTime() / DAY_MS) * DAY_MS; day < end.getTime(); day += DAY_MS) {
    const start = ceilHour(Math.max(day, from));
    const stop = Math.min(day + DAY_MS, end.getTime());
    const hours = Math.floor((stop - start) / HOUR_MS);
    if (hours > 0) spans.push({ start: new Date(start), end: new Date(start + hours * HOUR_MS), hours });
  }
  return spans;
}
