/**
 * The dashboard's money figures computed the naive way: plain GROUP BY queries on CostRecord (no rollup), the
 * four widgets' queries in parallel as a straightforward implementation would issue them. Rounding is SQL's
 * round(numeric, 2) — half away from zero, like the contract's half-up — applied where the backend applies it.
 *
 * Only the cost figures: the resource count, allocated capacity and connection cards read Resource and
 * CloudConnection the same way in both versions, so leaving them out makes the naive side faster and the
 * measured ratio a lower bound.
 */
import type { PrismaClient } from "@/server/db";
import { type DashboardAnswer, OTHER } from "./answers";
import { addDays, eachDay, monthBounds, presetPeriod } from "./bench-calendar";

const FORECAST_BASE_DAYS = 7;

export async function naiveDashboard(db: PrismaClient, organizationId: string, days: number, today: string): Promise<DashboardAnswer> {
  const { period, previous } = presetPeriod(days, today);
  const month = monthBounds(today);
  // The month's complete days as billed, then today and the days left at the last 7 complete days' pace.
  const daysLeft = eachDay(today, month.end).length;
  const [kpiRows, trendRows, serviceRows, topRows, connectionRows, providerRows] = await Promise.all([
    db.$queryRaw<{ total: string; previous: string; change: string | null; mtd: string; forecast: string | null }[]>`
      WITH k AS (
        SELECT COALESCE(SUM("billedCost") FILTER (WHERE "chargePeriodStart" BETWEEN ${period.from}::date AND ${period.to}::date), 0) AS total,
               COALESCE(SUM("billedCost") FILTER (WHERE "chargePeriodStart" BETWEEN ${previous.from}::date AND ${previous.to}::date), 0) AS previous,
               COALESCE(SUM("billedCost") FILTER (WHERE "chargePeriodStart" BETWEEN ${month.start}::date AND ${today}::date), 0) AS mtd,
               COALESCE(SUM("billedCost") FILTER (WHERE "chargePeriodStart" BETWEEN ${month.start}::date AND ${addDays(today, -1)}::date), 0) AS complete,
               COALESCE(SUM("billedCost") FILTER (WHERE "chargePeriodStart" BETWEEN ${addDays(today, -FORECAST_BASE_DAYS)}::date AND ${addDays(today, -1)}::date), 0) AS base,
               COUNT(*) AS records
        FROM "CostRecord" WHERE "organizationId" = ${organizationId}
      )
      SELECT round(total, 2)::text AS total, round(previous, 2)::text AS previous,
             CASE WHEN previous = 0 THEN NULL ELSE round((total - previous) / abs(previous) * 100, 1)::text END AS change,
             round(mtd, 2)::text AS mtd,
             CASE WHEN records = 0 THEN NULL ELSE round(complete + base * ${daysLeft}::int / ${FORECAST_BASE_DAYS}::int, 2)::text END AS forecast
      FROM k`,
    db.$queryRaw<{ day: string; providerId: string; cost: string }[]>`
      SELECT to_char(cr."chargePeriodStart", 'YYYY-MM-DD') AS day, c."providerId", round(SUM(cr."billedCost"), 2)::text AS cost
      FROM "CostRecord" cr JOIN "CloudConnection" c ON c."id" = cr."connectionId"
      WHERE cr."organizationId" = ${organizationId} AND cr."chargePeriodStart" BETWEEN ${period.from}::date AND ${period.to}::date
      GROUP BY 1, 2`,
    db.$queryRaw<{ service: string | null; cost: string }[]>`
      WITH s AS (
        SELECT "serviceName" AS service, SUM("billedCost") AS cost FROM "CostRecord"
        WHERE "organizationId" = ${organizationId} AND "chargePeriodStart" BETWEEN ${period.from}::date AND ${period.to}::date
        GROUP BY 1
      ), ranked AS (SELECT service, cost, row_number() OVER (ORDER BY service IS NULL, cost DESC, service COLLATE "C") AS position FROM s)
      SELECT CASE WHEN position <= 8 AND service IS NOT NULL THEN service END AS service, round(SUM(cost), 2)::text AS cost
      FROM ranked GROUP BY 1 ORDER BY MIN(position)`,
    db.$queryRaw<{ connectionId: string; providerResourceId: string; cost: string }[]>`
      SELECT "connectionId", "providerResourceId", round(SUM("billedCost"), 2)::text AS cost FROM "CostRecord"
      WHERE "organizationId" = ${organizationId} AND "chargePeriodStart" BETWEEN ${period.from}::date AND ${period.to}::date
      GROUP BY 1, 2 ORDER BY SUM("billedCost") DESC, "connectionId" COLLATE "C", "providerResourceId" COLLATE "C" LIMIT 10`,
    db.$queryRaw<{ id: string; cost: string }[]>`
      SELECT c."id", round(COALESCE(SUM(cr."billedCost"), 0), 2)::text AS cost
      FROM "CloudConnection" c LEFT JOIN "CostRecord" cr ON cr."connectionId" = c."id" AND cr."chargePeriodStart" BETWEEN ${period.from}::date AND ${period.to}::date
      WHERE c."organizationId" = ${organizationId} GROUP BY 1`,
    db.$queryRaw<{ providerId: string }[]>`SELECT DISTINCT "providerId" FROM "CloudConnection" WHERE "organizationId" = ${organizationId}`,
  ]);
  const kpis = kpiRows[0]!;
  const providerIds = [...new Set([...providerRows.map((row) => row.providerId), ...trendRows.map((row) => row.providerId)])].sort();
  const trend = new Map(trendRows.map((row) => [`${row.day} ${row.providerId}`, row.cost]));
  return {
    period: `${period.from}..${period.to}`,
    previousPeriod: `${previous.from}..${previous.to}`,
    kpis: { totalSpend: kpis.total, previousSpend: kpis.previous, changePercent: kpis.change, monthToDate: kpis.mtd, monthForecast: kpis.forecast },
    trend: eachDay(period.from, period.to).flatMap((day) => providerIds.map((id) => `${day} ${id} ${trend.get(`${day} ${id}`) ?? "0.00"}`)),
    byService: serviceRows.map((row) => `${row.service ?? OTHER} ${row.cost}`),
    topResources: topRows.map((row) => `${row.connectionId} ${row.providerResourceId} ${row.cost}`),
    connectionCosts: connectionRows.map((row) => `${row.id} ${row.cost}`).sort(),
  };
}
