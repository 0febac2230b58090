import type { Prisma } from "../../db";
import { addDays, daysBetween, monthEndOf, monthStartOf } from "../costs/calendar-days";

/** How many complete days set the pace for the rest of the month. */
export const FORECAST_BASE_DAYS = 7;

export interface ForecastWindows {
  monthStart: string;
  monthEnd: string;
  /** The month's complete days (1st … yesterday); null on the 1st, when none is complete yet. */
  completeDays: { from: string; to: string } | null;
  /** The last FORECAST_BASE_DAYS complete days (they may reach into the previous month). */
  base: { from: string; to: string };
  /** Days still to be billed, today included. */
  daysLeft: number;
}

/**
 * The days a month-end forecast reads, for "today" in the user's timezone. Today is still being billed, so it
 * counts as a day left rather than as billed: its partial charges would otherwise be counted and then added again.
 */
export function forecastWindows(today: string): ForecastWindows {
  const monthStart = monthStartOf(today);
  const monthEnd = monthEndOf(today);
  const yesterday = addDays(today, -1);
  return {
    monthStart,
    monthEnd,
    completeDays: today > monthStart ? { from: monthStart, to: yesterday } : null,
    base: { from: addDays(today, -FORECAST_BASE_DAYS), to: yesterday },
    daysLeft: daysBetween(today, monthEnd),
  };
}

/**
 * The month-end projection shared by the dashboard and the bot's /forecast: the complete days as billed plus the
 * base days' average for every day left. Null when there is no cost data to project from.
 */
export function projectMonthEnd(input: { completeDays: Prisma.Decimal; base: Prisma.Decimal; daysLeft: number; hasData: boolean }): Prisma.Decimal | null {
  if (!input.hasData) return null;
  return input.completeDays.plus(input.base.div(FORECAST_BASE_DAYS).times(input.daysLeft));
}
