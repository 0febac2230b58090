import type { PrismaClient } from "../../db";
import { addDays, daysBetween, monthEndOf, monthStartOf } from "../costs/calendar-days";
import type { ResolvedPeriod } from "../costs/cost-query-contract";
import { changePercent, decimal, formatMoney } from "../costs/money";

const FORECAST_BASE_DAYS = 7;

/**
 * Period and previous-period spend, month to date and the month's forecast, in one pass over the per-service daily rollup.
 * The forecast takes the month's complete days as billed and gives today and every day left the pace of the last 7
 * complete days: today is still being billed, so its partial charges would otherwise be counted and then added again.
 */
export async function querySpendKpis(db: PrismaClient, organizationId: string, period: ResolvedPeriod, previous: ResolvedPeriod, today: string) {
  const monthStart = monthStartOf(today);
  const monthEnd = monthEndOf(today);
  const baseFrom = addDays(today, -FORECAST_BASE_DAYS);
  const baseTo = addDays(today, -1);
  const [row] = await db.$queryRaw<{ total: string | null; previous: string | null; mtd: string | null; completeDays: string | null; base: string | null; any: boolean }[]>`
    SELECT
      SUM(s."billedCost") FILTER (WHERE s."day" BETWEEN ${period.from}::date AND ${period.to}::date)::text AS total,
      SUM(s."billedCost") FILTER (WHERE s."day" BETWEEN ${previous.from}::date AND ${previous.to}::date)::text AS previous,
      SUM(s."billedCost") FILTER (WHERE s."day" BETWEEN ${monthStart}::date AND ${today}::date)::text AS mtd,
      SUM(s."billedCost") FILTER (WHERE s."day" BETWEEN ${monthStart}::date AND ${baseTo}::date)::text AS "completeDays",
      SUM(s."billedCost") FILTER (WHERE s."day" BETWEEN ${baseFrom}::date AND ${baseTo}::date)::text AS base,
      EXISTS (SELECT 1 FROM "CostDailyServiceRollup" e WHERE e."organizationId" = ${organizationId}) AS any
    FROM "CostDailyServiceRollup" s
    WHERE s."organizationId" = ${organizationId}
      AND (s."day" BETWEEN ${previous.from}::date AND ${period.to}::date OR s."day" BETWEEN ${baseFrom < monthStart ? baseFrom : monthStart}::date AND ${today}::date)`;
  const total = decimal(row?.total);
  const previousSpend = decimal(row?.previous);
  const monthToDate = decimal(row?.mtd);
  const daysLeft = daysBetween(today, monthEnd);
  const forecast = row?.any ? decimal(row.completeDays).plus(decimal(row.base).div(FORECAST_BASE_DAYS).times(daysLeft)) : null;
  return {
    totalSpend: formatMoney(total),
    previousSpend: formatMoney(previousSpend),
    changePercent: changePercent(total, previousSpend),
    monthToDate: formatMoney(monthToDate),
    monthForecast: forecast ? formatMoney(forecast) : null,
    monthStart,
    monthEnd,
  };
}
