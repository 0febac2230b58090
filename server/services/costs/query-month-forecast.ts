import type { PrismaClient } from "../../db";
import { forecastWindows, FORECAST_BASE_DAYS, projectMonthEnd } from "../dashboard/project-month-end";
import { addDays, monthEndOf, monthStartOf, todayIn } from "./calendar-days";
import { monthForecastInput, type CostFilters, type MonthForecast } from "./cost-query-contract";
import { decimalOfUnits, formatMoney, ZERO } from "./money";
import { collectCostExplorer } from "./query-cost-explorer";
import type { CostClock } from "./resolve-period";

/**
 * Month to date, last month and the month-end forecast for a filtered scope (a Telegram chat's connections and
 * projects, the digest): the sums stay exact until the forecast is rounded, so an unfiltered answer equals the
 * dashboard's to the kopeck.
 */
export async function queryMonthForecast(db: PrismaClient, organizationId: string, rawInput: unknown, clock: CostClock): Promise<MonthForecast> {
  const input = monthForecastInput.parse(rawInput);
  const today = input.asOf ?? todayIn(clock.timezone, clock.now);
  const windows = forecastWindows(today);
  const previousStart = monthStartOf(addDays(windows.monthStart, -1));
  const previousEnd = monthEndOf(previousStart);
  const spendIn = async (range: { from: string; to: string } | null, filters: CostFilters) => {
    if (!range) return { total: ZERO, currency: null };
    const data = await collectCostExplorer(db, organizationId, { range, granularity: "month", groupBy: "connection", filters, pageSize: 1 }, clock, "page");
    return { total: decimalOfUnits(data.totals.total), currency: data.currency };
  };
  const [monthToDate, completeDays, base, previous] = await Promise.all([
    spendIn({ from: windows.monthStart, to: today }, input.filters),
    spendIn(windows.completeDays, input.filters),
    spendIn(windows.base, input.filters),
    spendIn({ from: previousStart, to: previousEnd }, input.filters),
  ]);
  const forecast = projectMonthEnd({
    completeDays: completeDays.total,
    base: base.total,
    daysLeft: windows.daysLeft,
    hasData: [monthToDate, base, previous].some((part) => !part.total.isZero()),
  });
  return {
    currency: monthToDate.currency ?? previous.currency ?? "RUB",
    today,
    monthStart: windows.monthStart,
    monthEnd: windows.monthEnd,
    daysLeft: windows.daysLeft,
    baseDays: FORECAST_BASE_DAYS,
    monthToDate: formatMoney(monthToDate.total),
    forecast: forecast ? formatMoney(forecast) : null,
    previousMonth: { start: previousStart, end: previousEnd, total: formatMoney(previous.total) },
  };
}
