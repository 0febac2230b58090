import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { db, Prisma } from "@/server/db";
import { SandboxState, withFaults } from "@/server/sandbox/http/sandbox-faults";
import { startSandboxServer, type RunningSandbox } from "@/server/sandbox/http/start-sandbox-server";
import { getSandbox } from "@/server/sandbox/registry";
import { selectelMultiProjectScenario } from "@/server/sandbox/scenarios/selectel-multi-project";
import { encryptCredentials } from "@/server/security/credentials-cipher";
import { PERIOD_GRAINS, PERIOD_ROLLUPS } from "@/server/services/costs/period-rollups";
import { rebuildCostRollups } from "@/server/services/costs/refresh-cost-rollups";
import { syncConnection } from "@/server/sync/run-billing-first-sync";
import { createUserWithOrganization } from "../helpers/test-callers";
import { truncateAllTables } from "../setup/worker-database";

// The rollup must always equal a direct aggregation of CostRecord, after a real sync over HTTP and after re-syncs.
let now = new Date("2025-10-05T10:30:00Z");
let sandbox: RunningSandbox | undefined;

async function connectToSandbox(scenario = selectelMultiProjectScenario) {
  const definition = getSandbox("selectel");
  sandbox = await startSandboxServer(withFaults(definition.create(scenario, { now: () => now }), new SandboxState({}), definition.regionOf));
  const config = definition.connection(scenario, sandbox.url);
  const { organization, caller } = await createUserWithOrganization();
  const { encrypted, keyId } = encryptCredentials(config.credentials);
  const connection = await db.cloudConnection.create({
    // Five days of history: the first sync reads what every re-sync re-reads (October 1–5), so each test's re-syncs
    // rewrite every row it has. (Rows older than a re-sync's window keep what they were written with.)
    data: { organizationId: organization.id, providerId: "selectel", name: scenario.name, encryptedCredentials: encrypted, credentialsKeyId: keyId, endpointOverrides: config.endpoints, historyDays: 5 },
  });
  const sync = () => syncConnection({ connectionId: connection.id, contextOverrides: { now: () => now, http: { backoffBaseMs: 1, maxRetryAfterMs: 20 } } });
  return { organization, connection, caller, sync };
}

type Cell = { connectionId: string; day: string; service: string; region: string; project: string; type: string; currency: string; cost: string; records: number };

function directAggregation(organizationId: string) {
  return db.$queryRaw<Cell[]>`
    SELECT "connectionId", to_char("chargePeriodStart", 'YYYY-MM-DD') AS day, COALESCE("serviceName", '') AS service, COALESCE("regionId", '') AS region,
           COALESCE("subAccountId", '') AS project, COALESCE("resourceType", '') AS type, "billingCurrency" AS currency, SUM("billedCost")::text AS cost, COUNT(*)::int AS records
    FROM "CostRecord" WHERE "organizationId" = ${organizationId}
    GROUP BY 1, 2, 3, 4, 5, 6, 7 ORDER BY 1, 2, 3, 4, 5, 6, 7`;
}

function rollupRows(organizationId: string) {
  return db.$queryRaw<Cell[]>`
    SELECT "connectionId", to_char("day", 'YYYY-MM-DD') AS day, "serviceName" AS service, "regionId" AS region, "subAccountId" AS project, "resourceType" AS type,
           "currency", "billedCost"::text AS cost, "recordCount" AS records
    FROM "CostDailyRollup" WHERE "organizationId" = ${organizationId} ORDER BY 1, 2, 3, 4, 5, 6, 7`;
}

type MonthCell = { connectionId: string; month: string; resource: string; service: string; region: string; project: string; type: string; currency: string; tags: string; name: string | null; firstDay: string; lastDay: string; cost: string; records: number };

/** What CostResourceMonthly must hold: CostRecord grouped per connection × month × billing object × dimensions × tags. */
function directMonthly(organizationId: string) {
  return db.$queryRaw<MonthCell[]>`
    SELECT "connectionId", to_char(date_trunc('month', "chargePeriodStart"), 'YYYY-MM-DD') AS month, "providerResourceId" AS resource, COALESCE("serviceName", '') AS service,
           COALESCE("regionId", '') AS region, COALESCE("subAccountId", '') AS project, COALESCE("resourceType", '') AS type, "billingCurrency" AS currency, "tags"::text AS tags,
           MAX("resourceName") AS name, to_char(MIN("chargePeriodStart"), 'YYYY-MM-DD') AS "firstDay", to_char(MAX("chargePeriodStart"), 'YYYY-MM-DD') AS "lastDay",
           SUM("billedCost")::text AS cost, COUNT(*)::int AS records
    FROM "CostRecord" WHERE "organizationId" = ${organizationId}
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9`;
}

function monthlyRows(organizationId: string) {
  return db.$queryRaw<MonthCell[]>`
    SELECT "connectionId", to_char("month", 'YYYY-MM-DD') AS month, "providerResourceId" AS resource, "serviceName" AS service, "regionId" AS region, "subAccountId" AS project,
           "resourceType" AS type, "currency", "tags"::text AS tags, "resourceName" AS name, to_char("firstDay", 'YYYY-MM-DD') AS "firstDay", to_char("lastDay", 'YYYY-MM-DD') AS "lastDay",
           "billedCost"::text AS cost, "recordCount" AS records
    FROM "CostResourceMonthly" WHERE "organizationId" = ${organizationId} ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9`;
}

type ServiceCell = { connectionId: string; day: string; service: string; currency: string; cost: string; records: number };

function directByService(organizationId: string) {
  return db.$queryRaw<ServiceCell[]>`
    SELECT "connectionId", to_char("chargePeriodStart", 'YYYY-MM-DD') AS day, COALESCE("serviceName", '') AS service, "billingCurrency" AS currency, SUM("billedCost")::text AS cost, COUNT(*)::int AS records
    FROM "CostRecord" WHERE "organizationId" = ${organizationId} GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`;
}

function serviceRows(organizationId: string) {
  return db.$queryRaw<ServiceCell[]>`
    SELECT "connectionId", to_char("day", 'YYYY-MM-DD') AS day, "serviceName" AS service, "currency", "billedCost"::text AS cost, "recordCount" AS records
    FROM "CostDailyServiceRollup" WHERE "organizationId" = ${organizationId} ORDER BY 1, 2, 3, 4`;
}

/** Every rollup equals its direct aggregation of CostRecord. */
type TagCell = { connectionId: string; day: string; key: string; value: string; service: string; cost: string; records: number };

/** CostRecord exploded by its string tags, against the per-tag rollup and its per-value sums. */
function directByTag(organizationId: string) {
  return db.$queryRaw<TagCell[]>`
    SELECT cr."connectionId", to_char(cr."chargePeriodStart", 'YYYY-MM-DD') AS day, t.key, t.value, COALESCE(cr."serviceName", '') AS service, SUM(cr."billedCost")::text AS cost, COUNT(*)::int AS records
    FROM "CostRecord" cr CROSS JOIN LATERAL jsonb_each_text(cr."tags") t
    WHERE cr."organizationId" = ${organizationId} AND t.value IS NOT NULL
    GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5`;
}

function tagRows(organizationId: string) {
  return db.$queryRaw<TagCell[]>`
    SELECT "connectionId", to_char("day", 'YYYY-MM-DD') AS day, "tagKey" AS key, "tagValue" AS value, "serviceName" AS service, SUM("billedCost")::text AS cost, SUM("recordCount")::int AS records
    FROM "CostDailyTagRollup" WHERE "organizationId" = ${organizationId}
    GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5`;
}

async function expectTagValueRollupCurrent(organizationId: string) {
  const [direct, rollup] = await Promise.all([
    db.$queryRaw<unknown[]>`SELECT "connectionId", "day", "tagKey", "tagValue", SUM("billedCost")::text AS cost, SUM("recordCount")::int AS records FROM "CostDailyTagRollup" WHERE "organizationId" = ${organizationId} GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`,
    db.$queryRaw<unknown[]>`SELECT "connectionId", "day", "tagKey", "tagValue", "billedCost"::text AS cost, "recordCount" AS records FROM "CostDailyTagValueRollup" WHERE "organizationId" = ${organizationId} ORDER BY 1, 2, 3, 4`,
  ]);
  expect(rollup).toEqual(direct);
}

/**
 * Each week and month rollup equals its daily rollup summed by bucket, the per-organization service rollup the
 * per-service one summed across connections, each ceiling its records' positive parts (in all, and on its dearest day)
 * with the object's first and last charge days of the month and its previous month.
 */
async function expectPeriodRollupsCurrent(organizationId: string) {
  for (const grain of PERIOD_GRAINS) {
    for (const rollup of PERIOD_ROLLUPS) {
      const dimensions = Prisma.raw(rollup.dimensions.map((column) => `"${column}"`).join(", "));
      const [summed, stored] = await Promise.all([
        db.$queryRaw<unknown[]>`
          SELECT "connectionId", to_char(date_trunc(${grain}, "day"::timestamp), 'YYYY-MM-DD') AS day, ${dimensions}, "currency", SUM("billedCost")::text AS cost, SUM("recordCount")::int AS records
          FROM ${Prisma.raw(`"${rollup.daily}"`)} WHERE "organizationId" = ${organizationId} GROUP BY 1, 2, ${dimensions}, "currency" ORDER BY 1, 2, ${dimensions}, "currency"`,
        db.$queryRaw<unknown[]>`
          SELECT "connectionId", to_char("day", 'YYYY-MM-DD') AS day, ${dimensions}, "currency", "billedCost"::text AS cost, "recordCount" AS records
          FROM ${Prisma.raw(`"${rollup.period}"`)} WHERE "organizationId" = ${organizationId} AND "grain" = ${grain} ORDER BY 1, 2, ${dimensions}, "currency"`,
      ]);
      expect(stored, `${rollup.period} by ${grain}`).toEqual(summed);
    }
  }
  const [acrossConnections, summedServices] = await Promise.all([
    db.$queryRaw<unknown[]>`SELECT "day", "serviceName", "currency", "billedCost"::text AS cost, "recordCount" AS records FROM "CostDailyOrgServiceRollup" WHERE "organizationId" = ${organizationId} ORDER BY 1, 2, 3`,
    db.$queryRaw<unknown[]>`SELECT "day", "serviceName", "currency", SUM("billedCost")::text AS cost, SUM("recordCount")::int AS records FROM "CostDailyServiceRollup" WHERE "organizationId" = ${organizationId} GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
  ]);
  expect(acrossConnections).toEqual(summedServices);
  const [ceilings, positive] = await Promise.all([
    db.$queryRaw<unknown[]>`SELECT "month", "resourceKey", "ceiling"::text AS ceiling, "dayCeiling"::text AS "dayCeiling", "firstDay", "lastDay", "previousMonth" FROM "CostResourceMonthCeiling" WHERE "organizationId" = ${organizationId} ORDER BY 1, 2`,
    db.$queryRaw<unknown[]>`
      SELECT "month", "resourceKey", ceiling, "dayCeiling", "firstDay", "lastDay", LAG("month") OVER (PARTITION BY "resourceKey" ORDER BY "month") AS "previousMonth" FROM (
        SELECT date_trunc('month', "day")::date AS "month", "resourceKey", SUM(positive)::numeric(18, 4)::text AS ceiling, MAX(positive)::numeric(18, 4)::text AS "dayCeiling",
               MIN("day") AS "firstDay", MAX("day") AS "lastDay"
        FROM (
          SELECT "chargePeriodStart" AS "day", "resourceKey", SUM(GREATEST("billedCost", 0)) AS positive
          FROM "CostRecord" WHERE "organizationId" = ${organizationId} GROUP BY 1, 2) d
        GROUP BY 1, 2) m
      ORDER BY 1, 2`,
  ]);
  expect(ceilings).toEqual(positive);
}

async function expectRollupsCurrent(organizationId: string) {
  await expectPeriodRollupsCurrent(organizationId);
  expect(await rollupRows(organizationId)).toEqual(await directAggregation(organizationId));
  expect(await serviceRows(organizationId)).toEqual(await directByService(organizationId));
  expect(await monthlyRows(organizationId)).toEqual(await directMonthly(organizationId));
  expect(await tagRows(organizationId)).toEqual(await directByTag(organizationId));
  await expectTagValueRollupCurrent(organizationId);
}

beforeEach(truncateAllTables);
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
  now = new Date("2025-10-05T10:30:00Z");
});

describe("cost rollups kept by the sync", () => {
  it("equal a direct CostRecord aggregation after a sync and after re-syncs that change and add days", async () => {
    const { organization, connection, caller, sync } = await connectToSandbox();
    expect((await sync()).status).toBe("success");
    const first = await directAggregation(organization.id);
    expect(first.length).toBeGreaterThan(0);
    expect(await rollupRows(organization.id)).toEqual(first);
    await expectRollupsCurrent(organization.id);
    expect((await monthlyRows(organization.id)).length).toBeGreaterThan(0);
    const dashboardTotal = (await caller.costExplorer.query({ range: { from: "2025-09-01", to: "2025-10-31" }, groupBy: "connection" })).totals.total;

    // Someone rewrote a day and lost another: the rollup is stale until the next sync rewrites that window.
    const [changed, lost] = await db.costRecord.findMany({ where: { connectionId: connection.id }, orderBy: [{ chargePeriodStart: "desc" }, { providerResourceId: "asc" }], take: 2 });
    await db.costRecord.update({ where: { id: changed!.id }, data: { billedCost: "999.0000" } });
    await db.costRecord.delete({ where: { id: lost!.id } });
    expect(await rollupRows(organization.id)).not.toEqual(await directAggregation(organization.id));
    expect(await monthlyRows(organization.id)).not.toEqual(await directMonthly(organization.id));

    const repaired = await sync();
    expect(repaired.status).toBe("success");
    await expectRollupsCurrent(organization.id);
    expect(await rollupRows(organization.id)).toEqual(first);
    expect((await caller.costExplorer.query({ range: { from: "2025-09-01", to: "2025-10-31" }, groupBy: "connection" })).totals.total).toBe(dashboardTotal);

    // A day later the bill has another day: the rollup follows.
    now = new Date("2025-10-06T10:30:00Z");
    expect((await sync()).status).toBe("success");
    const later = await directAggregation(organization.id);
    expect(await rollupRows(organization.id)).toEqual(later);
    await expectRollupsCurrent(organization.id);
    // Cost rows are dated by Moscow billing days and today's completed hours are billed: the 6th appears the next day.
    expect(first.some((cell) => cell.day === "2025-10-06")).toBe(false);
    expect(later.some((cell) => cell.day === "2025-10-06")).toBe(true);
  });

  it("carry a server's metadata as its resource's tags into its cost rows and tag rollups, and a re-sync follows a metadata change", async () => {
    const scenario = structuredClone(selectelMultiProjectScenario);
    const { organization, connection, caller, sync } = await connectToSandbox(scenario);
    expect((await sync()).status).toBe("success");
    const billedServers = await db.costRecord.groupBy({ by: ["providerResourceId"], where: { connectionId: connection.id, resourceType: "server", resourceId: { not: null } }, _count: { _all: true }, orderBy: { providerResourceId: "asc" } });
    const server = scenario.servers.find((candidate) => billedServers.some((row) => row.providerResourceId === candidate.id));
    expect(server).toBeDefined();
    const billed = billedServers.find((row) => row.providerResourceId === server!.id)!;
    server!.metadata = { team: "payments", env: "prod" };

    expect((await sync()).status).toBe("success");
    const resource = await db.resource.findUniqueOrThrow({ where: { connectionId_providerResourceId: { connectionId: connection.id, providerResourceId: server!.id } } });
    expect(resource.tags).toEqual({ env: "prod", team: "payments" });
    const rows = await db.costRecord.findMany({ where: { connectionId: connection.id, providerResourceId: server!.id }, select: { tags: true } });
    expect(rows.length).toBe(billed._count._all);
    // Every cost row the sync wrote carries the server's tags.
    for (const row of rows) expect(row.tags).toEqual({ env: "prod", team: "payments" });
    await expectRollupsCurrent(organization.id);
    const tagged = await db.costRecord.aggregate({ where: { connectionId: connection.id, providerResourceId: server!.id }, _sum: { billedCost: true } });
    const byTeam = await caller.costExplorer.query({ range: { from: "2025-01-01", to: "2025-10-31" }, groupBy: "tag", tagKey: "team", granularity: "month" });
    expect(byTeam.rows.find((row) => row.key === "payments")?.total).toBe(tagged._sum.billedCost!.toFixed(2));

    server!.metadata = { team: "search" };
    expect((await sync()).status).toBe("success");
    expect((await db.resource.findUniqueOrThrow({ where: { id: resource.id } })).tags).toEqual({ team: "search" });
    for (const row of await db.costRecord.findMany({ where: { connectionId: connection.id, providerResourceId: server!.id }, select: { tags: true } })) expect(row.tags).toEqual({ team: "search" });
    await expectRollupsCurrent(organization.id);
    const bySearch = await caller.costExplorer.query({ range: { from: "2025-01-01", to: "2025-10-31" }, groupBy: "service", granularity: "day", filters: { tags: [{ key: "team", value: "search" }] } });
    expect(bySearch.totals.total).toBe(tagged._sum.billedCost!.toFixed(2));
  });

  it("are rebuilt for an organization after a bulk load, and go away with their connection", async () => {
    const { organization, connection, sync } = await connectToSandbox();
    await sync();
    await db.costDailyRollup.deleteMany({ where: { organizationId: organization.id } });
    await db.costDailyServiceRollup.deleteMany({ where: { organizationId: organization.id } });
    await db.costDailyTagRollup.deleteMany({ where: { organizationId: organization.id } });
    await db.costDailyTagValueRollup.deleteMany({ where: { organizationId: organization.id } });
    await db.costResourceMonthly.deleteMany({ where: { organizationId: organization.id } });
    const written = await rebuildCostRollups(db, { organizationId: organization.id });
    const direct = await directAggregation(organization.id);
    expect(written).toBe(direct.length);
    await expectRollupsCurrent(organization.id);

    // A scoped rebuild touches only its days.
    const day = direct[0]!.day;
    await db.costDailyRollup.deleteMany({ where: { organizationId: organization.id } });
    await rebuildCostRollups(db, { connectionId: connection.id, from: day, to: day });
    expect(await rollupRows(organization.id)).toEqual(direct.filter((cell) => cell.day === day));

    // The monthly rollup is rebuilt by whole months: a one-day scope recomputes that day's month, all of it.
    await db.costResourceMonthly.deleteMany({ where: { organizationId: organization.id } });
    await rebuildCostRollups(db, { connectionId: connection.id, from: day, to: day });
    expect(await monthlyRows(organization.id)).toEqual((await directMonthly(organization.id)).filter((cell) => cell.month === `${day.slice(0, 8)}01`));

    await db.cloudConnection.delete({ where: { id: connection.id } });
    expect(await db.costDailyRollup.count({ where: { connectionId: connection.id } })).toBe(0);
    expect(await db.costResourceMonthly.count({ where: { connectionId: connection.id } })).toBe(0);
    expect(await db.costDailyServiceRollup.count({ where: { connectionId: connection.id } })).toBe(0);
  });
});
