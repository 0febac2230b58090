import type { PrismaClient } from "../../db";
import { listDisabledProviderIds } from "../provider-catalog/load-provider-catalog";
import { summarizeRun, RUN_SUMMARY_COLUMNS } from "../sync-runs/sync-run-view";
import { listConnectionStatus } from "./list-connection-status";

/**
 * The organization's connections for the cards: the health view (status, last sync, balance, days left, active
 * resources) plus their monthly cost, the latest run and whether the provider is disabled platform-wide.
 */
export async function listConnections(db: PrismaClient, organizationId: string) {
  const connections = await listConnectionStatus(db, organizationId);
  if (connections.length === 0) return [];
  const [costs, runs, disabledProviders] = await Promise.all([
    db.resource.groupBy({ by: ["connectionId", "currency"], where: { organizationId, isActive: true }, _sum: { monthlyCost: true } }),
    // One indexed lookup per connection ([connectionId, createdAt]); an organization has a handful of connections.
    Promise.all(connections.map((connection) => db.syncRun.findFirst({ where: { organizationId, connectionId: connection.id }, select: RUN_SUMMARY_COLUMNS, orderBy: [{ createdAt: "desc" }, { id: "desc" }] }))),
    listDisabledProviderIds(db),
  ]);
  return connections.map((connection) => {
    const latest = runs.find((run) => run?.connectionId === connection.id);
    return {
      ...connection,
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
