import { addDays, daysBetween, monthEndOf, monthStartOf } from "../../server/services/costs/calendar-days";

export const COST_PERIODS = ["today", "week", "month"] as const;
export type CostPeriod = (typeof COST_PERIODS)[number];

export interface DayRange {
  from: string;
  to: string;
}

export function isCostPeriod(value: string): value is CostPeriod {
  return (COST_PERIODS as readonly string[]).includes(value);
}

/**
 * A /cost period and the one it is compared with, for the chat's "today": today vs yesterday; the last 7 days
 * (today included) vs the 7 before; month to date vs as many days from the start of the previous month (cut at its
 * end: March 1–31 compares with February 1–28).
 */
export function costPeriodRanges(period: CostPeriod, today: string): { current: DayRange; previous: DayRange } {
  switch (period) {
    case "today": {
      const yesterday = addDays(today, -1);
      return { current: { from: today, to: today }, previous: { from: yesterday, to: yesterday } };
    }
    case "week":
      return { current: { from: addDays(today, -6), to: today }, previous: { from: addDays(today, -13), to: addDays(today, -7) } };
    case "month": {
      const from = monthStartOf(today);
      const previousFrom = monthStartOf(addDays(from, -1));
      const sameDays = addDays(previousFrom, daysBetween(from, today) - 1);
      const previousEnd = monthEndOf(previousFrom);
      return { current: { from, to: today }, previous: { from: previousFrom, to: sameDays < previousEnd ? sameDays : previousEnd } };
    }
  }
}
