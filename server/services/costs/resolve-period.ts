import { AppError } from "../../api/app-error";
import { addDays, daysBetween, parseDay, todayIn } from "./calendar-days";
import type { DateRangeInput, RangePreset, ResolvedPeriod } from "./cost-query-contract";

/** Three years and a leap day: the longest custom range (the contract promises "at most 3 years"). */
export const MAX_RANGE_DAYS = 1096;

const PRESET_DAYS: Record<RangePreset, number> = { "7d": 7, "30d": 30, "90d": 90, "1y": 365 };

export interface CostClock {
  timezone: string;
  now: Date;
}

/** The period a range means for this user: presets end today (their timezone), custom ranges are validated. */
export function resolvePeriod(range: DateRangeInput, clock: CostClock): ResolvedPeriod {
  if ("preset" in range) {
    const to = todayIn(clock.timezone, clock.now);
    const days = PRESET_DAYS[range.preset];
    return { from: addDays(to, -(days - 1)), to, days };
  }
  for (const date of [range.from, range.to]) if (!parseDay(date)) throw new AppError("BAD_REQUEST", "errors.invalidDate", { date });
  if (range.from > range.to) throw new AppError("BAD_REQUEST", "errors.rangeReversed", { from: range.from, to: range.to });
  const days = daysBetween(range.from, range.to);
  if (days > MAX_RANGE_DAYS) throw new AppError("BAD_REQUEST", "errors.rangeTooLong", { maxDays: MAX_RANGE_DAYS });
  return { from: range.from, to: range.to, days };
}

/** The equal-length period that ends the day before `period` starts. */
export function previousPeriodOf(period: ResolvedPeriod): ResolvedPeriod {
  return { from: addDays(period.from, -period.days), to: addDays(period.from, -1), days: period.days };
}
