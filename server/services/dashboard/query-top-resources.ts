import { Prisma, type PrismaClient } from "../../db";
import type { DashboardOverview, ResolvedPeriod } from "../costs/cost-query-contract";
import { decimal, formatMoney } from "../costs/money";

const TOP_RESOURCES = 10;

/**
 * The period's 10 most expensive billed resources across connections. The ranking is an index-only scan of the
 * covering CostRecord index; names and types come from each winner's latest record in the period.
 */
export async function queryTopResources(db: PrismaClient, organizationId: string, period: ResolvedPeriod, connectionNames: Map<string, string>): Promise<DashboardOverview["topResources"]> {
  const top = await db.$queryRaw<{ connectionId: string; providerResourceId: string; cost: string }[]>`
    SELECT s."connectionId", s."providerResourceId", SUM(s."billedCost")::text AS cost
    FROM "CostRecord" s
    WHERE s."organizationId" = ${organizationId} AND s."chargePeriodStart" BETWEEN ${period.from}::date AND ${period.to}::date
    GROUP BY 1, 2
    ORDER BY SUM(s."billedCost") DESC, s."connectionId" COLLATE "C", s."providerResourceId" COLLATE "C"
    LIMIT ${TOP_RESOURCES}`;
  if (top.length === 0) return [];
  const pairs = top.map((row) => Prisma.sql`(${row.connectionId}::text, ${row.providerResourceId}::text)`);
  const details = await db.$queryRaw<{ connectionId: string; providerResourceId: string; resourceId: string | null; resourceName: string | null; resourceType: string | null }[]>`
    SELECT DISTINCT ON (s."connectionId", s."providerResourceId") s."connectionId", s."providerResourceId", s."resourceId", s."resourceName", s."resourceType"
    FROM "CostRecord" s
    WHERE s."organizationId" = ${organizationId} AND s."chargePeriodStart" BETWEEN ${period.from}::date AND ${period.to}::date
      AND (s."connectionId", s."providerResourceId") IN (${Prisma.join(pairs)})
    ORDER BY s."connectionId", s."providerResourceId", s."chargePeriodStart" DESC`;
  return top.map((row) => {
    const detail = details.find((item) => item.connectionId === row.connectionId && item.providerResourceId === row.providerResourceId);
    return {
      resourceId: detail?.resourceId ?? null,
      providerResourceId: row.providerResourceId,
      name: detail?.resourceName ?? row.providerResourceId,
      resourceType: detail?.resourceType ?? null,
      connectionId: row.connectionId,
      connectionName: connectionNames.get(row.connectionId) ?? row.connectionId,
      cost: formatMoney(decimal(row.cost)),
    };
  });
}
