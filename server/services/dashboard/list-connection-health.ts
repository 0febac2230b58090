import type { PrismaClient } from "../../db";
import { listConnections } from "../connections/list-connections";
import type { DashboardOverview, ResolvedPeriod } from "../costs/cost-query-contract";
import { decimal, formatMoney } from "../costs/money";

/** The connections page's view (status, balance, days left, resources) plus each connection's spend in the period. */
export async function listConnectionHealth(db: PrismaClient, organizationId: string, period: ResolvedPeriod): Promise<DashboardOverview["connectionHealth"]> {
  const [connections, costs] = await Promise.all([
    listConnections(db, organizationId),
    db.$queryRaw<{ connectionId: string; cost: string }[]>`
      SELECT s."connectionId", SUM(s."billedCost")::text AS cost FROM "CostDailyRollup" s
      WHERE s."organizationId" = ${organizationId} AND s."day" BETWEEN ${period.from}::date AND ${period.to}::date
      GROUP BY 1`,
  ]);
  return connections.map((connection) => ({
    id: connection.id,
    name: connection.name,
    providerId: connection.providerId,
    providerName: connection.providerName,
    status: connection.status,
    statusMessage: connection.statusMessage,
    lastSyncAt: connection.lastSyncAt?.toISOString() ?? null,
    lastSuccessfulSyncAt: connection.lastSuccessfulSyncAt?.toISOString() ?? null,
    balance: connection.balance,
    balanceCurrency: connection.balanceCurrency,
    daysLeft: connection.daysLeft,
    periodCost: formatMoney(decimal(costs.find((cost) => cost.connectionId === connection.id)?.cost)),
    resourceCount: connection.resourceCount,
  }));
}
