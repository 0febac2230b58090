import type { PrismaClient } from "../../db";
import type { ResolvedPeriod } from "../costs/cost-query-contract";
import { changePercent, decimal, formatMoney } from "../costs/money";
import { forecastWindows, projectMonthEnd } from "./project-month-end";

/**
 * Period and previous-period spend, month to date and the month's forecast, in one pass over the per-service daily rollup.
 * The forecast is projectMonthEnd's rule (shared with the bot's /forecast) over exact sums.
 */
export async function querySpendKpis(db: PrismaClient, organizationId: string, period: ResolvedPeriod, previous: ResolvedPeriod, today: string) {
  const { monthStart, monthEnd, base: { from: baseFrom, to: baseTo }, daysLeft } = forecastWindows(today);
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
  const forecast = projectMonthEnd({ completeDays: decimal(row?.completeDays), base: decimal(row?.base), daysLeft, hasData: Boolean(row?.any) });
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
