import { Prisma, type PrismaClient } from "../../db";

type Db = Pick<PrismaClient, "$executeRaw" | "$transaction">;

export interface RollupScope {
  organizationId?: string;
  connectionId?: string;
  /** Inclusive "YYYY-MM-DD" bounds; omitted = unbounded. */
  from?: string;
  to?: string;
}

function conditions(scope: RollupScope, alias: "cr" | "r", dayColumn: string): Prisma.Sql {
  const parts: Prisma.Sql[] = [Prisma.sql`TRUE`];
  const column = (name: string) => Prisma.raw(`${alias}."${name}"`);
  if (scope.organizationId) parts.push(Prisma.sql`${column("organizationId")} = ${scope.organizationId}`);
  if (scope.connectionId) parts.push(Prisma.sql`${column("connectionId")} = ${scope.connectionId}`);
  if (scope.from) parts.push(Prisma.sql`${column(dayColumn)} >= ${scope.from}::date`);
  if (scope.to) parts.push(Prisma.sql`${column(dayColumn)} <= ${scope.to}::date`);
  return Prisma.join(parts, " AND ");
}

function statements(scope: RollupScope) {
  return {
    clear: Prisma.sql`DELETE FROM "CostDailyRollup" r WHERE ${conditions(scope, "r", "day")}`,
    fill: Prisma.sql`
      INSERT INTO "CostDailyRollup" ("organizationId", "connectionId", "providerId", "day", "serviceName", "regionId", "subAccountId", "resourceType", "currency", "billedCost", "effectiveCost", "recordCount")
      SELECT cr."organizationId", cr."connectionId", c."providerId", cr."chargePeriodStart",
             COALESCE(cr."serviceName", ''), COALESCE(cr."regionId", ''), COALESCE(cr."subAccountId", ''), COALESCE(cr."resourceType", ''), cr."billingCurrency",
             SUM(cr."billedCost"), SUM(cr."effectiveCost"), COUNT(*)::int
      FROM "CostRecord" cr JOIN "CloudConnection" c ON c."id" = cr."connectionId"
      WHERE ${conditions(scope, "cr", "chargePeriodStart")}
      GROUP BY cr."organizationId", cr."connectionId", c."providerId", cr."chargePeriodStart", 5, 6, 7, 8, cr."billingCurrency"`,
  };
}

/**
 * Recomputes the daily rollup of a scope from CostRecord: delete and re-aggregate in one transaction, so readers
 * never see a half-written day. The sync calls it for the window it wrote; loaders call it after bulk inserts.
 * Returns the number of rollup rows written.
 */
export async function rebuildCostRollups(db: Db, scope: RollupScope = {}): Promise<number> {
  const { clear, fill } = statements(scope);
  const [, written] = await db.$transaction([db.$executeRaw(clear), db.$executeRaw(fill)]);
  return written;
}

/** The sync's entry point: one connection's days. */
export function refreshCostRollups(db: Db, connectionId: string, from: string, to: string): Promise<number> {
  return rebuildCostRollups(db, { connectionId, from, to });
}
