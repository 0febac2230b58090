import type { PrismaClient } from "../../db";
import { listDisabledProviderIds } from "../provider-catalog/load-provider-catalog";
import { summarizeRun, RUN_SUMMARY_COLUMNS } from "../sync-runs/sync-run-view";
import { baseConnectionView, CONNECTION_COLUMNS, jsonObject } from "./connection-view";

/**
 * The organization's connections for the cards: status, last sync, balance with the provider's days-left
 * prediction (kept on the account resource by the sync), active resources and their monthly cost, latest run.
 */
export async function listConnections(db: PrismaClient, organizationId: string) {
  const connections = await db.cloudConnection.findMany({ where: { organizationId }, select: CONNECTION_COLUMNS, orderBy: [{ createdAt: "asc" }, { name: "asc" }] });
  if (connections.length === 0) return [];
  const [counts, costs, accounts, runs, disabledProviders] = await Promise.all([
    db.resource.groupBy({ by: ["connectionId"], where: { organizationId, isActive: true }, _count: { _all: true } }),
    db.resource.groupBy({ by: ["connectionId", "currency"], where: { organizationId, isActive: true }, _sum: { monthlyCost: true } }),
    db.resource.findMany({ where: { organizationId, isActive: true, resourceType: "account" }, select: { connectionId: true, specs: true } }),
    // One indexed lookup per connection ([connectionId, createdAt]); an organization has a handful of connections.
    Promise.all(connections.map((connection) => db.syncRun.findFirst({ where: { organizationId, connectionId: connection.id }, select: RUN_SUMMARY_COLUMNS, orderBy: [{ createdAt: "desc" }, { id: "desc" }] }))),
    listDisabledProviderIds(db),
  ]);
  return connections.map((connection) => {
    const daysLeft = jsonObject(accounts.find((account) => account.connectionId === connection.id)?.specs).daysLeft;
    const latest = runs.find((run) => run?.connectionId === connection.id);
    return {
      ...baseConnectionView(connection),
      daysLeft: typeof daysLeft === "number" ? daysLeft : null,
      resourceCount: counts.find((count) => count.connectionId === connection.id)?._count._all ?? 0,
      monthlyCosts: costs
        .filter((cost) => cost.connectionId === connection.id)
        .map((cost) => ({ currency: cost.currency, amount: (cost._sum.monthlyCost ?? 0).toFixed(2) }))
        .sort((a, b) => a.currency.localeCompare(b.currency)),
      latestRun: latest ? summarizeRun(latest) : null,
      // Disabled platform-wide: the card explains why this connection no longer syncs.
      providerDisabled: disabledProviders.has(connection.providerId),
    };
  });
}
