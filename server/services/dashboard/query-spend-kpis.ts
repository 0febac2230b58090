import { Prisma, type PrismaClient } from "../../db";
import { addDays } from "../costs/calendar-days";
import type { ResolvedPeriod } from "../costs/cost-query-contract";
import { changePercent, decimal, formatMoney } from "../costs/money";
import { forecastWindows, projectMonthEnd } from "./project-month-end";

/**
 * The days two windows cover: one range when they overlap or touch (the usual case: a period ending today), so the
 * covering index answers it alone; both otherwise.
 */
function daysRead([first, second]: [{ from: string; to: string }, { from: string; to: string }]): Prisma.Sql {
  const [early, late] = first.from <= second.from ? [first, second] : [second, first];
  if (late.from <= addDays(early.to, 1)) return Prisma.sql`s."day" BETWEEN ${early.from}::date AND ${(late.to > early.to ? late.to : early.to)}::date`;
  return Prisma.sql`(s."day" BETWEEN ${early.from}::date AND ${early.to}::date OR s."day" BETWEEN ${late.from}::date AND ${late.to}::date)`;
}

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
    WHERE s."organizationId" = ${organizationId} AND ${daysRead([{ from: previous.from, to: period.to }, { from: baseFrom < monthStart ? baseFrom : monthStart, to: today }])}`;
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
