import type { PrismaClient } from "../../db";

/** Headline numbers for one organization; money comes back as an exact decimal string. */
export async function getDashboardSummary(db: PrismaClient, organizationId: string, now = new Date()) {
  const monthStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const [connections, activeResources, members, monthToDate] = await Promise.all([
    db.cloudConnection.count({ where: { organizationId } }),
    db.resource.count({ where: { organizationId, isActive: true } }),
    db.membership.count({ where: { organizationId } }),
    db.costRecord.aggregate({ where: { organizationId, chargePeriodStart: { gte: monthStart } }, _sum: { billedCost: true } }),
  ]);
  return {
    connections,
    activeResources,
    members,
    monthToDateCost: (monthToDate._sum.billedCost ?? 0).toString(),
    currency: "RUB",
  };
}
