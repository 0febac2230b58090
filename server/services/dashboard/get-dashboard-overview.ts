import type { PrismaClient } from "../../db";
import { todayIn } from "../costs/calendar-days";
import { dashboardOverviewInput, type DashboardOverview } from "../costs/cost-query-contract";
import { loadCostLookups } from "../costs/load-cost-lookups";
import { previousPeriodOf, resolvePeriod, type CostClock } from "../costs/resolve-period";
import { STRUCTURAL_TYPES } from "../resources/resource-view";
import { listConnectionHealth } from "./list-connection-health";
import { buildCostByService } from "./query-cost-by-service";
import { buildCostTrend } from "./query-cost-trend";
import { queryPeriodSpend } from "./query-period-spend";
import { querySpendKpis } from "./query-spend-kpis";
import { queryTopResources } from "./query-top-resources";
import { queryUtilization } from "./query-utilization";

/** Everything the dashboard shows for a period, tenant-scoped; callable without tRPC (benchmarks, jobs). */
export async function getDashboardOverview(db: PrismaClient, organizationId: string, rawInput: unknown, clock: CostClock): Promise<DashboardOverview> {
  const input = dashboardOverviewInput.parse(rawInput);
  const period = resolvePeriod(input.range, clock);
  const previousPeriod = previousPeriodOf(period);
  const today = todayIn(clock.timezone, clock.now);
  // Every part at once (the pool runs them in parallel); the lookups only label and count.
  const lookupsOf = loadCostLookups(db, organizationId);
  const periodSpendOf = queryPeriodSpend(db, organizationId, period);
  // Awaited by the top resources only after their own queries: handled here so a failed lookup is never "unhandled"
  // meanwhile (Promise.all below reports it).
  const connectionNamesOf = lookupsOf.then((loaded) => loaded.connectionNames);
  connectionNamesOf.catch(() => undefined);
  const [lookups, periodSpend, spend, activeResources, topResources, utilization, connectionHealth] = await Promise.all([
    lookupsOf,
    periodSpendOf,
    querySpendKpis(db, organizationId, period, previousPeriod, today),
    db.resource.count({ where: { organizationId, isActive: true, resourceType: { notIn: STRUCTURAL_TYPES } } }),
    queryTopResources(db, organizationId, period, connectionNamesOf),
    queryUtilization(db, organizationId, period),
    listConnectionHealth(db, organizationId, periodSpendOf.then((rows) => rows.byConnection)),
  ]);
  const providerIds = [...new Set(lookups.connections.map((connection) => connection.providerId))];
  const trend = buildCostTrend(periodSpend.byDayProvider, period, providerIds);
  const byService = buildCostByService(periodSpend.byService);
  return {
    currency: lookups.currency,
    timezone: clock.timezone,
    period,
    previousPeriod,
    kpis: {
      ...spend,
      // No recommendation engine yet: nothing is claimed until one produces savings.
      potentialSavings: "0.00",
      activeResources,
      connectedProviders: providerIds.length,
      connections: lookups.connections.length,
    },
    trend,
    byService,
    topResources,
    utilization,
    connectionHealth,
  };
}
