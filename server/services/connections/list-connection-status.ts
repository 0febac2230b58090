import type { PrismaClient } from "../../db";
import { baseConnectionView, CONNECTION_COLUMNS, jsonObject } from "./connection-view";

/**
 * The connections with what a health overview needs (status, balance, days left, active resource count) and
 * nothing else: listConnections' view without monthly costs and latest runs, in two small queries. Counts read
 * the [organizationId, isActive, connectionId] index; days left comes from each connection's account resource.
 */
export async function listConnectionStatus(db: PrismaClient, organizationId: string) {
  const [connections, counts, accounts] = await Promise.all([
    db.cloudConnection.findMany({ where: { organizationId }, select: CONNECTION_COLUMNS, orderBy: [{ createdAt: "asc" }, { name: "asc" }] }),
    db.resource.groupBy({ by: ["connectionId"], where: { organizationId, isActive: true }, _count: { _all: true } }),
    db.resource.findMany({ where: { organizationId, isActive: true, resourceType: "account" }, select: { connectionId: true, specs: true } }),
  ]);
  return connections.map((connection) => {
    const daysLeft = jsonObject(accounts.find((account) => account.connectionId === connection.id)?.specs).daysLeft;
    return {
      ...baseConnectionView(connection),
      daysLeft: typeof daysLeft === "number" ? daysLeft : null,
      resourceCount: counts.find((count) => count.connectionId === connection.id)?._count._all ?? 0,
    };
  });
}
