import type { PrismaClient } from "../../db";
import { eachDay } from "../costs/calendar-days";
import type { DashboardOverview, ResolvedPeriod } from "../costs/cost-query-contract";
import { providerName } from "../costs/load-cost-lookups";
import { decimal, formatMoney } from "../costs/money";

/** Daily spend per provider over the period; every day and every connected provider appear, at "0.00" when idle. */
export async function queryCostTrend(db: PrismaClient, organizationId: string, period: ResolvedPeriod, connectedProviderIds: string[]): Promise<DashboardOverview["trend"]> {
  const rows = await db.$queryRaw<{ day: string; providerId: string; cost: string }[]>`
    SELECT to_char(s."day", 'YYYY-MM-DD') AS day, s."providerId", SUM(s."billedCost")::text AS cost
    FROM "CostDailyServiceRollup" s
    WHERE s."organizationId" = ${organizationId} AND s."day" BETWEEN ${period.from}::date AND ${period.to}::date
    GROUP BY s."day", 2`;
  const providerIds = [...new Set([...connectedProviderIds, ...rows.map((row) => row.providerId)])];
  const providers = providerIds.map((id) => ({ id, name: providerName(id) })).sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  const byDay = new Map<string, Map<string, string>>();
  for (const row of rows) byDay.set(row.day, (byDay.get(row.day) ?? new Map()).set(row.providerId, row.cost));
  return {
    providers,
    points: eachDay(period.from, period.to).map((date) => ({
      date,
      costs: Object.fromEntries(providers.map((provider) => [provider.id, formatMoney(decimal(byDay.get(date)?.get(provider.id)))])),
    })),
  };
}
