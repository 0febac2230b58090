import { Prisma, type PrismaClient } from "../../db";
import { addDays, monthEndOf, monthStartOf, weekStartOf } from "./calendar-days";
import { PERIOD_GRAINS, PERIOD_ROLLUPS, type PeriodGrain } from "./period-rollups";

type Db = Pick<PrismaClient, "$executeRaw" | "$transaction">;

export interface RollupScope {
  organizationId?: string;
  connectionId?: string;
  /** Inclusive "YYYY-MM-DD" bounds; omitted = unbounded. */
  from?: string;
  to?: string;
}

/** A full rebuild of 1M records takes tens of seconds on a busy machine: far beyond Prisma's 5 s default. */
const REBUILD_TIMEOUT_MS = 10 * 60_000;

function conditions(scope: RollupScope, alias: string, dayColumn: string): Prisma.Sql {
  const parts: Prisma.Sql[] = [Prisma.sql`TRUE`];
  const column = (name: string) => Prisma.raw(`${alias}."${name}"`);
  if (scope.organizationId) parts.push(Prisma.sql`${column("organizationId")} = ${scope.organizationId}`);
  if (scope.connectionId) parts.push(Prisma.sql`${column("connectionId")} = ${scope.connectionId}`);
  if (scope.from) parts.push(Prisma.sql`${column(dayColumn)} >= ${scope.from}::date`);
  if (scope.to) parts.push(Prisma.sql`${column(dayColumn)} <= ${scope.to}::date`);
  return Prisma.join(parts, " AND ");
}

function dailyStatements(scope: RollupScope) {
  return [
    Prisma.sql`DELETE FROM "CostDailyRollup" r WHERE ${conditions(scope, "r", "day")}`,
    Prisma.sql`
      INSERT INTO "CostDailyRollup" ("organizationId", "connectionId", "providerId", "day", "serviceName", "regionId", "subAccountId", "resourceType", "currency", "billedCost", "effectiveCost", "recordCount")
      SELECT cr."organizationId", cr."connectionId", c."providerId", cr."chargePeriodStart",
             COALESCE(cr."serviceName", ''), COALESCE(cr."regionId", ''), COALESCE(cr."subAccountId", ''), COALESCE(cr."resourceType", ''), cr."billingCurrency",
             SUM(cr."billedCost"), SUM(cr."effectiveCost"), COUNT(*)::int
      FROM "CostRecord" cr JOIN "CloudConnection" c ON c."id" = cr."connectionId"
      WHERE ${conditions(scope, "cr", "chargePeriodStart")}
      GROUP BY cr."organizationId", cr."connectionId", c."providerId", cr."chargePeriodStart", 5, 6, 7, 8, cr."billingCurrency"`,
    // The per-service rollup from the daily rollup just written (same scope, same transaction).
    Prisma.sql`DELETE FROM "CostDailyServiceRollup" r WHERE ${conditions(scope, "r", "day")}`,
    Prisma.sql`
      INSERT INTO "CostDailyServiceRollup" ("organizationId", "connectionId", "providerId", "day", "serviceName", "currency", "billedCost", "effectiveCost", "recordCount")
      SELECT r."organizationId", r."connectionId", r."providerId", r."day", r."serviceName", r."currency", SUM(r."billedCost"), SUM(r."effectiveCost"), SUM(r."recordCount")::int
      FROM "CostDailyRollup" r
      WHERE ${conditions(scope, "r", "day")}
      GROUP BY r."organizationId", r."connectionId", r."providerId", r."day", r."serviceName", r."currency"`,
    ...organizationServiceStatements(scope),
    // The per-tag rollup: each record counted once per string-valued tag (a JSON null value is "without the key").
    Prisma.sql`DELETE FROM "CostDailyTagRollup" r WHERE ${conditions(scope, "r", "day")}`,
    Prisma.sql`
      INSERT INTO "CostDailyTagRollup" ("organizationId", "connectionId", "providerId", "day", "tagKey", "tagValue", "serviceName", "currency", "billedCost", "effectiveCost", "recordCount")
      SELECT cr."organizationId", cr."connectionId", c."providerId", cr."chargePeriodStart", t."key", t."value", COALESCE(cr."serviceName", ''), cr."billingCurrency",
             SUM(cr."billedCost"), SUM(cr."effectiveCost"), COUNT(*)::int
      FROM "CostRecord" cr JOIN "CloudConnection" c ON c."id" = cr."connectionId"
      CROSS JOIN LATERAL jsonb_each_text(CASE WHEN jsonb_typeof(cr."tags") = 'object' THEN cr."tags" ELSE '{}'::jsonb END) t
      WHERE ${conditions(scope, "cr", "chargePeriodStart")} AND t."value" IS NOT NULL
      GROUP BY cr."organizationId", cr."connectionId", c."providerId", cr."chargePeriodStart", t."key", t."value", 7, cr."billingCurrency"`,
    Prisma.sql`DELETE FROM "CostDailyTagValueRollup" r WHERE ${conditions(scope, "r", "day")}`,
    Prisma.sql`
      INSERT INTO "CostDailyTagValueRollup" ("organizationId", "connectionId", "providerId", "day", "tagKey", "tagValue", "currency", "billedCost", "effectiveCost", "recordCount")
      SELECT r."organizationId", r."connectionId", r."providerId", r."day", r."tagKey", r."tagValue", r."currency", SUM(r."billedCost"), SUM(r."effectiveCost"), SUM(r."recordCount")::int
      FROM "CostDailyTagRollup" r
      WHERE ${conditions(scope, "r", "day")}
      GROUP BY r."organizationId", r."connectionId", r."providerId", r."day", r."tagKey", r."tagValue", r."currency"`,
  ];
}

/** The per-service rollup summed across connections for the scope's days (of its whole organization: no cascade reaches it). */
function organizationServiceStatements(scope: RollupScope) {
  return [
    Prisma.sql`DELETE FROM "CostDailyOrgServiceRollup" r WHERE ${organizationConditions(scope, "r", "day")}`,
    Prisma.sql`
      INSERT INTO "CostDailyOrgServiceRollup" ("organizationId", "day", "serviceName", "currency", "billedCost", "effectiveCost", "recordCount")
      SELECT r."organizationId", r."day", r."serviceName", r."currency", SUM(r."billedCost"), SUM(r."effectiveCost"), SUM(r."recordCount")::int
      FROM "CostDailyServiceRollup" r WHERE ${organizationConditions(scope, "r", "day")}
      GROUP BY r."organizationId", r."day", r."serviceName", r."currency"`,
  ];
}

/** A scope's bounds widened to the whole weeks or months they fall in. */
function periodScopeOf(scope: RollupScope, grain: PeriodGrain): RollupScope {
  const start = grain === "week" ? weekStartOf : monthStartOf;
  const end = grain === "week" ? (day: string) => addDays(weekStartOf(day), 6) : monthEndOf;
  return { ...scope, from: scope.from && start(scope.from), to: scope.to && end(scope.to) };
}

/** The week and month rollups, re-summed from the daily rollups just written for every bucket the scope touches. */
function periodStatements(scope: RollupScope) {
  return PERIOD_GRAINS.flatMap((grain) => {
    const widened = periodScopeOf(scope, grain);
    return PERIOD_ROLLUPS.flatMap((rollup) => {
      const dimensions = Prisma.raw(rollup.dimensions.map((column) => `r."${column}"`).join(", "));
      const names = Prisma.raw(rollup.dimensions.map((column) => `"${column}"`).join(", "));
      return [
        Prisma.sql`DELETE FROM ${Prisma.raw(`"${rollup.period}"`)} r WHERE r."grain" = ${grain} AND ${conditions(widened, "r", "day")}`,
        Prisma.sql`
          INSERT INTO ${Prisma.raw(`"${rollup.period}"`)} ("organizationId", "connectionId", "providerId", "grain", "day", ${names}, "currency", "billedCost", "effectiveCost", "recordCount")
          SELECT r."organizationId", r."connectionId", r."providerId", ${grain}, date_trunc(${grain}, r."day"::timestamp)::date, ${dimensions}, r."currency", SUM(r."billedCost"), SUM(r."effectiveCost"), SUM(r."recordCount")::int
          FROM ${Prisma.raw(`"${rollup.daily}"`)} r WHERE ${conditions(widened, "r", "day")}
          GROUP BY r."organizationId", r."connectionId", r."providerId", 5, ${dimensions}, r."currency"`,
      ];
    });
  });
}


function monthlyStatements(scope: RollupScope) {
  // The monthly rollup is kept by whole months: a scope's bounds widen to the months they fall in.
  const months = periodScopeOf(scope, "month");
  return [
    Prisma.sql`DELETE FROM "CostResourceMonthly" r WHERE ${conditions(months, "r", "month")}`,
    // Every object of these months gets its integer key first (kept forever, so keys stay stable across rebuilds),
    // and the records written since the last refresh carry it from now on.
    Prisma.sql`
      INSERT INTO "CostResourceKey" ("organizationId", "providerResourceId")
      SELECT DISTINCT cr."organizationId", cr."providerResourceId" FROM "CostRecord" cr WHERE ${conditions(months, "cr", "chargePeriodStart")} AND cr."resourceKey" IS NULL
      ON CONFLICT ("organizationId", "providerResourceId") DO NOTHING`,
    Prisma.sql`
      UPDATE "CostRecord" cr SET "resourceKey" = k."id" FROM "CostResourceKey" k
      WHERE ${conditions(months, "cr", "chargePeriodStart")} AND cr."resourceKey" IS NULL AND k."organizationId" = cr."organizationId" AND k."providerResourceId" = cr."providerResourceId"`,
    Prisma.sql`
      INSERT INTO "CostResourceMonthly" ("organizationId", "connectionId", "providerId", "month", "providerResourceId", "resourceKey", "serviceName", "regionId", "subAccountId", "resourceType", "currency", "tags", "resourceName", "firstDay", "lastDay", "billedCost", "effectiveCost", "recordCount")
      SELECT cr."organizationId", cr."connectionId", c."providerId", date_trunc('month', cr."chargePeriodStart")::date, cr."providerResourceId", cr."resourceKey",
             COALESCE(cr."serviceName", ''), COALESCE(cr."regionId", ''), COALESCE(cr."subAccountId", ''), COALESCE(cr."resourceType", ''), cr."billingCurrency", cr."tags",
             MAX(cr."resourceName"), MIN(cr."chargePeriodStart"), MAX(cr."chargePeriodStart"), SUM(cr."billedCost"), SUM(cr."effectiveCost"), COUNT(*)::int
      FROM "CostRecord" cr JOIN "CloudConnection" c ON c."id" = cr."connectionId"
      WHERE ${conditions(months, "cr", "chargePeriodStart")}
      GROUP BY cr."organizationId", cr."connectionId", c."providerId", 4, cr."providerResourceId", cr."resourceKey", 7, 8, 9, 10, cr."billingCurrency", cr."tags"`,
    ...ceilingStatements(months),
  ];
}

/**
 * The ceilings of a monthly scope from CostRecord (the positive parts of each object's records, of its dearest day's
 * records, its first and last charge days), and the previous months of every row from the scope's first month on (a month that gains or loses
 * an object changes the next month's row of it). Ceilings are per organization across connections: a connection's
 * refresh recomputes its organization's.
 */
function ceilingStatements(months: RollupScope) {
  const organizations = organizationConditions({ ...months, from: undefined, to: undefined }, "r", "month");
  return [
    Prisma.sql`DELETE FROM "CostResourceMonthCeiling" r WHERE ${organizationConditions(months, "r", "month")}`,
    Prisma.sql`
      INSERT INTO "CostResourceMonthCeiling" ("organizationId", "month", "resourceKey", "ceiling", "dayCeiling", "firstDay", "lastDay")
      SELECT d."organizationId", date_trunc('month', d."day")::date, d."resourceKey", SUM(d."positive"), MAX(d."positive"), MIN(d."day"), MAX(d."day")
      FROM (
        SELECT cr."organizationId", cr."resourceKey", cr."chargePeriodStart" AS "day", SUM(GREATEST(cr."billedCost", 0)) AS "positive"
        FROM "CostRecord" cr WHERE ${organizationConditions(months, "cr", "chargePeriodStart")} AND cr."resourceKey" IS NOT NULL
        GROUP BY 1, 2, 3
      ) d
      GROUP BY d."organizationId", 2, d."resourceKey"`,
    Prisma.sql`
      UPDATE "CostResourceMonthCeiling" c SET "previousMonth" = x.previous
      FROM (SELECT r."organizationId", r."resourceKey", r."month", LAG(r."month") OVER (PARTITION BY r."organizationId", r."resourceKey" ORDER BY r."month") AS previous
            FROM "CostResourceMonthCeiling" r WHERE ${organizations}) x
      WHERE c."organizationId" = x."organizationId" AND c."resourceKey" = x."resourceKey" AND c."month" = x."month"
        AND c."previousMonth" IS DISTINCT FROM x.previous ${months.from ? Prisma.sql`AND c."month" >= ${months.from}::date` : Prisma.empty}`,
  ];
}

/**
 * Rebuilds an organization's per-organization tables (cost ceilings, per-service totals across connections) after
 * its rollups lost rows without a refresh (a deleted connection): no cascade reaches them. Run it in the
 * transaction that deleted the rows.
 */
export async function rebuildOrganizationRollups(tx: Pick<PrismaClient, "$executeRaw">, organizationId: string): Promise<void> {
  for (const statement of [...organizationServiceStatements({ organizationId }), ...ceilingStatements({ organizationId })]) await tx.$executeRaw(statement);
}

/** A scope widened from one connection to its organization, for the per-organization tables. */
function organizationConditions(scope: RollupScope, alias: string, dayColumn: string): Prisma.Sql {
  const organization = scope.connectionId
    ? Prisma.sql` AND ${Prisma.raw(`${alias}."organizationId"`)} = (SELECT c."organizationId" FROM "CloudConnection" c WHERE c."id" = ${scope.connectionId})`
    : Prisma.empty;
  return Prisma.sql`${conditions({ ...scope, connectionId: undefined }, alias, dayColumn)}${organization}`;
}

/**
 * Recomputes the rollups of a scope from CostRecord — the daily, per-service and per-tag daily rollups (both) for the scope's
 * days, their week and month sums for every bucket those days touch, the monthly per-resource rollup and its ceilings for every month those days touch — deleting and re-aggregating in one transaction, so
 * readers never see a half-written day or month. The sync calls it for the window it wrote; loaders call it
 * after bulk inserts. Returns the number of daily rollup rows written.
 */
export async function rebuildCostRollups(db: Db, scope: RollupScope = {}): Promise<number> {
  const statements = [...dailyStatements(scope), ...periodStatements(scope), ...monthlyStatements(scope)];
  const results = await db.$transaction(
    statements.map((statement) => db.$executeRaw(statement)),
    { timeout: REBUILD_TIMEOUT_MS, maxWait: REBUILD_TIMEOUT_MS },
  );
  return results[1]!;
}

/** The sync's entry point: one connection's days. */
export function refreshCostRollups(db: Db, connectionId: string, from: string, to: string): Promise<number> {
  return rebuildCostRollups(db, { connectionId, from, to });
}
