import { Prisma, type PrismaClient } from "../../db";
import type { DashboardOverview, ResolvedPeriod } from "../costs/cost-query-contract";
import { decimal, formatMoney } from "../costs/money";
import { rankResourceTotals } from "../costs/rank-resource-totals";
import { readSplitFacts, recallSplitFacts, splitFactsHold, splitFactsJsonSql, type SplitFacts } from "../costs/recall-split-facts";
import { monthSplitOf } from "../costs/resource-month-source";

const TOP_RESOURCES = 10;

/**
 * The period's 10 most expensive (connection, resource) pairs by rankResourceTotals (the monthly per-resource
 * rollup for whole months, CostRecord for the partial edge months), built from the period's remembered split facts
 * and checked against them in the same statement (recall-split-facts.ts).
 */
async function rankTopPairs(db: PrismaClient, organizationId: string, period: ResolvedPeriod, recall: boolean) {
  const recalled = recall ? recallSplitFacts(organizationId, period) : undefined;
  const facts = recalled ?? (await readSplitFacts(db, organizationId, period));
  const window = { name: "top", direction: "desc", limit: TOP_RESOURCES, offset: 0 } as const;
  const ranking = await rankResourceTotals(db, organizationId, {
    period,
    split: monthSplitOf(period, facts),
    filters: null,
    perConnection: true,
    windows: [window],
    count: false,
    monthObjects: facts.lastDayRecords,
    alongside: recalled ? splitFactsJsonSql(organizationId, period) : undefined,
  });
  if (recalled && !splitFactsHold(organizationId, period, recalled, JSON.parse(ranking.alongside!) as SplitFacts)) return rankTopPairs(db, organizationId, period, false);
  return ranking.rows;
}

/** The period's 10 most expensive billed resources across connections; names and types come from each winner's latest record in the period. */
export async function queryTopResources(db: PrismaClient, organizationId: string, period: ResolvedPeriod, connectionNamesOf: Promise<Map<string, string>>): Promise<DashboardOverview["topResources"]> {
  const rows = await rankTopPairs(db, organizationId, period, true);
  const top = rows.map((row) => ({ connectionId: row.connectionId!, providerResourceId: row.providerResourceId, cost: row.total }));
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
