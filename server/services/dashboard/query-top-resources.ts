import { Prisma, type PrismaClient } from "../../db";
import type { DashboardOverview, ResolvedPeriod } from "../costs/cost-query-contract";
import { decimal, formatMoney } from "../costs/money";
import { planMonthSplit } from "../costs/resource-month-source";

const TOP_RESOURCES = 10;

/**
 * The period's 10 most expensive billed resources across connections. The ranking reads the monthly per-resource
 * rollup for whole months and CostRecord for the partial edge months; names and types come from each winner's
 * latest record in the period.
 */
export async function queryTopResources(db: PrismaClient, organizationId: string, period: ResolvedPeriod, connectionNamesOf: Promise<Map<string, string>>): Promise<DashboardOverview["topResources"]> {
  const split = await planMonthSplit(db, organizationId, period);
  // Only the ranking's columns, as int8 ten-thousandths: whole months are an index-only scan of the narrow
  // (organization, month, connection, resource, cost) index, and the per-resource sums stay small in memory.
  const parts: Prisma.Sql[] = [];
  if (split.months) {
    parts.push(Prisma.sql`
      SELECT m."connectionId", m."providerResourceId", (m."billedCost" * 10000)::int8 AS cost FROM "CostResourceMonthly" m
      WHERE m."organizationId" = ${organizationId} AND m."month" BETWEEN ${split.months.from}::date AND ${split.months.to}::date`);
  }
  for (const edge of split.edges) {
    parts.push(Prisma.sql`
      SELECT cr."connectionId", cr."providerResourceId", (cr."billedCost" * 10000)::int8 AS cost FROM "CostRecord" cr
      WHERE cr."organizationId" = ${organizationId} AND cr."chargePeriodStart" BETWEEN ${edge.from}::date AND ${edge.to}::date`);
  }
  const top = await db.$queryRaw<{ connectionId: string; providerResourceId: string; cost: string }[]>`
    SELECT u."connectionId", u."providerResourceId", (SUM(u.cost)::numeric / 10000)::text AS cost
    FROM (${Prisma.join(parts, " UNION ALL ")}) u
    GROUP BY 1, 2
    ORDER BY SUM(u.cost) DESC, u."connectionId" COLLATE "C", u."providerResourceId" COLLATE "C"
    LIMIT ${TOP_RESOURCES}`;
  if (top.length === 0) return [];
  // Each winner's latest record in the period: a backward probe of the (connection, resource, day) unique index.
  const pairs = top.map((row) => Prisma.sql`(${row.connectionId}::text, ${row.providerResourceId}::text)`);
  const details = await db.$queryRaw<{ connectionId: string; providerResourceId: string; resourceId: string | null; resourceName: string | null; resourceType: string | null }[]>`
    SELECT p.connection AS "connectionId", p.resource AS "providerResourceId", x."resourceId", x."resourceName", x."resourceType"
    FROM (VALUES ${Prisma.join(pairs)}) AS p (connection, resource)
    CROSS JOIN LATERAL (
      SELECT s."resourceId", s."resourceName", s."resourceType" FROM "CostRecord" s
      WHERE s."connectionId" = p.connection AND s."providerResourceId" = p.resource AND s."organizationId" = ${organizationId}
        AND s."chargePeriodStart" BETWEEN ${period.from}::date AND ${period.to}::date
      ORDER BY s."chargePeriodStart" DESC LIMIT 1
    ) x`;
  const connectionNames = await connectionNamesOf;
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
