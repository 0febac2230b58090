import type { PrismaClient } from "../../db";
import { listConnectionStatus } from "../connections/list-connection-status";
import type { DashboardOverview } from "../costs/cost-query-contract";
import { decimal, formatMoney } from "../costs/money";
import type { PeriodSpend } from "./query-period-spend";

/** The connections page's status view (status, balance, days left, active resources) plus each connection's spend in the period. */
export async function listConnectionHealth(db: PrismaClient, organizationId: string, periodCosts: Promise<PeriodSpend["byConnection"]>): Promise<DashboardOverview["connectionHealth"]> {
  const [connections, costs] = await Promise.all([listConnectionStatus(db, organizationId), periodCosts]);
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
