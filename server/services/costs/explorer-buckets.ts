import { addDays, monthStartOf, weekStartOf } from "./calendar-days";
import type { Granularity, ResolvedPeriod } from "./cost-query-contract";

/** Bucket starts of a period; the first bucket starts at the period's first day even mid-week or mid-month. */
export function bucketsOf(period: ResolvedPeriod, granularity: Granularity): string[] {
  const buckets = [period.from];
  const next = (day: string) => {
    if (granularity === "day") return addDays(day, 1);
    if (granularity === "week") return addDays(weekStartOf(day), 7);
    const start = monthStartOf(day);
    return monthStartOf(addDays(start, 31));
  };
  for (let day = next(period.from); day <= period.to; day = next(day)) buckets.push(day);
  return buckets;
}
