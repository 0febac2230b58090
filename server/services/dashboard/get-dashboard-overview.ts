import type { PrismaClient } from "../../db";
import { todayIn } from "../costs/calendar-days";
import { dashboardOverviewInput, type DashboardOverview } from "../costs/cost-query-contract";
import { loadCostLookups } from "../costs/load-cost-lookups";
import { previousPeriodOf, resolvePeriod, type CostClock } from "../costs/resolve-period";
import { STRUCTURAL_TYPES } from "../resources/resource-view";
import { listConnectionHealth } from "./list-connection-health";
import { queryCostByService } from "./query-cost-by-service";
import { queryCostTrend } from "./query-cost-trend";
import { querySpendKpis } from "./query-spend-kpis";
import { queryTopResources } from "./query-top-resources";
import { queryUtilization } from "./query-utilization";

/** Everything the dashboard shows for a period, tenant-scoped; callable without tRPC (benchmarks, jobs). */
export async function getDashboardOverview(db: PrismaClient, organizationId: string, rawInput: unknown, clock: CostClock): Promise<DashboardOverview> {
  const input = dashboardOverviewInput.parse(rawInput);
  const period = resolvePeriod(input.range, clock);
  const previousPeriod = previousPeriodOf(period);
  const today = todayIn(clock.timezone, clock.now);
  const lookups = await loadCostLookups(db, organizationId);
  const providerIds = [...new Set(lookups.connections.map((connection) => connection.providerId))];
  const [spend, activeResources, trend, byService, topResources, utilization, connectionHealth] = await Promise.all([
    querySpendKpis(db, organizationId, period, previousPeriod, today),
    db.resource.count({ where: { organizationId, isActive: true, resourceType: { notIn: STRUCTURAL_TYPES } } }),
    queryCostTrend(db, organizationId, period, providerIds),
    queryCostByService(db, organizationId, period),
    queryTopResources(db, organizationId, period, lookups.connectionNames),
    queryUtilization(db, organizationId, period),
    listConnectionHealth(db, organizationId, period),
  ]);
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
