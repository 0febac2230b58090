import { eachDay } from "../costs/calendar-days";
import type { DashboardOverview, ResolvedPeriod } from "../costs/cost-query-contract";
import { providerName } from "../costs/load-cost-lookups";
import { decimal, formatMoney } from "../costs/money";
import type { PeriodSpend } from "./query-period-spend";

/** Daily spend per provider over the period; every day and every connected provider appear, at "0.00" when idle. */
export function buildCostTrend(rows: PeriodSpend["byDayProvider"], period: ResolvedPeriod, connectedProviderIds: string[]): DashboardOverview["trend"] {
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
