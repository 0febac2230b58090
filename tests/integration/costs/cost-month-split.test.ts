import { beforeAll, describe, expect, it } from "vitest";
import { db, Prisma } from "@/server/db";
import { queryCostExplorer } from "@/server/services/costs/query-cost-explorer";
import { rebuildCostRollups } from "@/server/services/costs/refresh-cost-rollups";
import { getDashboardOverview } from "@/server/services/dashboard/get-dashboard-overview";
import { truncateAllTables } from "../setup/worker-database";
import { MOSCOW, planMonthSplit, seedCostOrganization } from "./cost-fixtures";

// Per-resource and tag questions read the monthly per-resource rollup for whole months and CostRecord for the
// partial edge months: every answer must equal a direct aggregation of CostRecord, whatever the period's edges.
let org: Awaited<ReturnType<typeof seedCostOrganization>>;

const day = (offset: number) => new Date(Date.UTC(2025, 8, 25 + offset)).toISOString().slice(0, 10);

beforeAll(async () => {
  await truncateAllTables();
  org = await seedCostOrganization();
  // Two long-running resources from 2025-09-25 to 2025-11-06 whose cost, name and tags change along the way.
  await db.costRecord.createMany({
    data: Array.from({ length: 43 }, (_, index) => index).flatMap((index) => [
      {
        organizationId: org.organizationId, connectionId: org.selectel.id, providerResourceId: "long-1", resourceName: index < 20 ? "long-old" : "long-new",
        chargePeriodStart: new Date(`${day(index)}T00:00:00Z`), chargePeriodEnd: new Date(`${day(index + 1)}T00:00:00Z`), billedCost: `${(1 + index * 0.0125).toFixed(4)}`, effectiveCost: "1.0000",
        billingCurrency: "RUB", serviceName: "Compute", regionId: "ru-1", resourceType: "server", subAccountId: "p1", tags: index < 30 ? { env: "prod", team: "b" } : { env: "prod", team: "c" },
      },
      {
        organizationId: org.organizationId, connectionId: org.openstack.id, providerResourceId: "long-2", resourceName: "long-2",
        chargePeriodStart: new Date(`${day(index)}T00:00:00Z`), chargePeriodEnd: new Date(`${day(index + 1)}T00:00:00Z`), billedCost: "0.3333", effectiveCost: "0.3333",
        billingCurrency: "RUB", serviceName: "Storage", regionId: "RegionOne", resourceType: "volume", subAccountId: null, tags: index % 2 ? { env: "dev" } : {},
      },
    ]),
  });
  await rebuildCostRollups(db, { organizationId: org.organizationId });
});

const RANGES = [
  { from: "2025-09-28", to: "2025-10-15" },
  { from: "2025-10-01", to: "2025-10-31" },
  { from: "2025-10-03", to: "2025-11-02" },
  { from: "2025-09-01", to: "2025-11-30" },
  { from: "2025-10-10", to: "2025-10-10" },
  { from: "2025-09-26", to: "2025-11-05" },
  { from: "2025-11-01", to: "2025-11-30" },
];

const money = (value: string) => new Prisma.Decimal(value).toFixed(2, Prisma.Decimal.ROUND_HALF_UP);

async function direct(range: { from: string; to: string }, key: Prisma.Sql, filter: Prisma.Sql = Prisma.sql`TRUE`) {
  const rows = await db.$queryRaw<{ key: string | null; total: string }[]>`
    SELECT ${key} AS key, SUM("billedCost")::text AS total FROM "CostRecord"
    WHERE "organizationId" = ${org.organizationId} AND "chargePeriodStart" BETWEEN ${range.from}::date AND ${range.to}::date AND ${filter}
    GROUP BY 1`;
  return Object.fromEntries(rows.map((row) => [String(row.key), money(row.total)]));
}

/** CostRecord summed per group and bucket (the first bucket starts at the period's first day), zero cells left out. */
async function directCells(range: { from: string; to: string }, granularity: "day" | "week" | "month", key: Prisma.Sql, filter: Prisma.Sql = Prisma.sql`TRUE`) {
  const bucket = granularity === "day" ? Prisma.sql`"chargePeriodStart"` : Prisma.sql`GREATEST(date_trunc(${granularity}::text, "chargePeriodStart"::timestamp)::date, ${range.from}::date)`;
  const rows = await db.$queryRaw<{ key: string | null; bucket: string; cost: string }[]>`
    SELECT ${key} AS key, to_char(${bucket}, 'YYYY-MM-DD') AS bucket, SUM("billedCost")::text AS cost FROM "CostRecord"
    WHERE "organizationId" = ${org.organizationId} AND "chargePeriodStart" BETWEEN ${range.from}::date AND ${range.to}::date AND ${filter}
    GROUP BY 1, 2`;
  return Object.fromEntries(rows.map((row) => [`${String(row.key)}|${row.bucket}`, money(row.cost)]).filter(([, cost]) => cost !== "0.00"));
}

const cellsOf = (result: { buckets: string[]; rows: { key: string | null; byBucket: string[] }[] }) =>
  Object.fromEntries(result.rows.flatMap((row) => row.byBucket.map((cost, position) => [`${String(row.key)}|${result.buckets[position]}`, cost])).filter(([, cost]) => cost !== "0.00"));

const totalsOf = (rows: { key: string | null; total: string }[]) => Object.fromEntries(rows.map((row) => [String(row.key), row.total]));

describe("monthly per-resource rollup with CostRecord edges", () => {
  it("takes whole months from the rollup, partial edge months from CostRecord unless the month has nothing outside the period", async () => {
    expect(await planMonthSplit(org.organizationId, { from: "2025-09-28", to: "2025-11-02" })).toEqual({
      months: { from: "2025-10-01", to: "2025-10-01" },
      edges: [{ from: "2025-09-28", to: "2025-09-30" }, { from: "2025-11-01", to: "2025-11-02" }],
    });
    // Nothing is billed before 2025-09-25 or after 2025-11-06: those edge months come whole from the rollup.
    expect(await planMonthSplit(org.organizationId, { from: "2025-09-20", to: "2025-11-20" })).toEqual({ months: { from: "2025-09-01", to: "2025-11-01" }, edges: [] });
    expect(await planMonthSplit(org.organizationId, { from: "2025-10-10", to: "2025-10-10" })).toEqual({ months: null, edges: [{ from: "2025-10-10", to: "2025-10-10" }] });
  });

  for (const range of RANGES) {
    it(`answers by resource, by tag and with a tag filter exactly for ${range.from}…${range.to}`, async () => {
      for (const granularity of ["day", "week", "month"] as const) {
        const byResource = await queryCostExplorer(db, org.organizationId, { range, granularity, groupBy: "resource", pageSize: 500 }, MOSCOW);
        expect(totalsOf(byResource.rows)).toEqual(await direct(range, Prisma.sql`"providerResourceId"`));
        // Labels are the latest-by-value name over the period, as MAX(resourceName) over CostRecord gives it.
        const names = await db.$queryRaw<{ key: string; name: string | null }[]>`
          SELECT "providerResourceId" AS key, MAX("resourceName") AS name FROM "CostRecord"
          WHERE "organizationId" = ${org.organizationId} AND "chargePeriodStart" BETWEEN ${range.from}::date AND ${range.to}::date GROUP BY 1`;
        expect(Object.fromEntries(byResource.rows.map((row) => [row.key, row.label]))).toEqual(Object.fromEntries(names.map((row) => [row.key, row.name ?? row.key])));

        const byTeam = await queryCostExplorer(db, org.organizationId, { range, granularity, groupBy: "tag", tagKey: "team" }, MOSCOW);
        expect(totalsOf(byTeam.rows)).toEqual(await direct(range, Prisma.sql`("tags" ->> 'team')`));
        // The per-tag rollups answer tag groupings and single tag filters: every cell equals CostRecord's.
        expect(cellsOf(byTeam)).toEqual(await directCells(range, granularity, Prisma.sql`("tags" ->> 'team')`));
        const byEnvOfService = await queryCostExplorer(db, org.organizationId, { range, granularity, groupBy: "tag", tagKey: "env", filters: { services: ["Storage"] } }, MOSCOW);
        expect(cellsOf(byEnvOfService)).toEqual(await directCells(range, granularity, Prisma.sql`("tags" ->> 'env')`, Prisma.sql`"serviceName" = 'Storage'`));
        expect(totalsOf(byEnvOfService.rows)).toEqual(await direct(range, Prisma.sql`("tags" ->> 'env')`, Prisma.sql`"serviceName" = 'Storage'`));
        const devByConnection = await queryCostExplorer(db, org.organizationId, { range, granularity, groupBy: "connection", filters: { tags: [{ key: "env", value: "dev" }] } }, MOSCOW);
        expect(cellsOf(devByConnection)).toEqual(await directCells(range, granularity, Prisma.sql`"connectionId"`, Prisma.sql`("tags" ->> 'env') = 'dev'`));

        const prodByService = await queryCostExplorer(db, org.organizationId, { range, granularity, groupBy: "service", filters: { tags: [{ key: "env", value: "prod" }] } }, MOSCOW);
        expect(totalsOf(prodByService.rows)).toEqual(await direct(range, Prisma.sql`"serviceName"`, Prisma.sql`("tags" ->> 'env') = 'prod'`));
        const prodTotal = Object.values(await direct(range, Prisma.sql`1`, Prisma.sql`("tags" ->> 'env') = 'prod'`))[0] ?? "0.00";
        expect(prodByService.totals.total).toBe(prodTotal);
      }
      const dashboard = await getDashboardOverview(db, org.organizationId, { range }, MOSCOW);
      const expected = await db.$queryRaw<{ connectionId: string; providerResourceId: string; cost: string }[]>`
        SELECT "connectionId", "providerResourceId", SUM("billedCost")::text AS cost FROM "CostRecord"
        WHERE "organizationId" = ${org.organizationId} AND "chargePeriodStart" BETWEEN ${range.from}::date AND ${range.to}::date
        GROUP BY 1, 2 ORDER BY SUM("billedCost") DESC, "connectionId" COLLATE "C", "providerResourceId" COLLATE "C" LIMIT 10`;
      expect(dashboard.topResources.map((row) => [row.connectionId, row.providerResourceId, row.cost])).toEqual(expected.map((row) => [row.connectionId, row.providerResourceId, money(row.cost)]));
    });
  }
});
