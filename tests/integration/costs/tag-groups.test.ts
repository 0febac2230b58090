import { beforeAll, describe, expect, it } from "vitest";
import { db, Prisma } from "@/server/db";
import { OTHER_SERIES_KEY } from "@/server/services/costs/cost-query-contract";
import { queryCostExplorer } from "@/server/services/costs/query-cost-explorer";
import { rebuildCostRollups } from "@/server/services/costs/refresh-cost-rollups";
import { truncateAllTables } from "../setup/worker-database";
import { MOSCOW, seedCostOrganization } from "./cost-fixtures";

// Grouping by a tag reads the per-tag rollups in one statement that returns the cells of the shown groups only: a
// tag with many values (here one per object, like a "name" tag) must page, chart and total exactly as CostRecord.
let org: Awaited<ReturnType<typeof seedCostOrganization>>;

const RANGE = { from: "2025-10-01", to: "2025-10-21" };
const day = (offset: number) => new Date(Date.UTC(2025, 9, 1 + offset));

beforeAll(async () => {
  await truncateAllTables();
  org = await seedCostOrganization();
  await db.costRecord.createMany({
    data: Array.from({ length: 18 }, (_, index) => index).flatMap((index) =>
      Array.from({ length: 21 }, (_, offset) => ({
        organizationId: org.organizationId, connectionId: index % 3 ? org.selectel.id : org.openstack.id, providerResourceId: `named-${index}`, resourceName: `named-${index}`,
        chargePeriodStart: day(offset), chargePeriodEnd: day(offset + 1), billedCost: ((index % 6) + offset / 7).toFixed(4), effectiveCost: "0", billingCurrency: "RUB",
        serviceName: "Hosts", tags: { name: `host-${String(index).padStart(2, "0")}` },
      })),
    ),
  });
  await rebuildCostRollups(db, { organizationId: org.organizationId });
});

const money = (value: string) => new Prisma.Decimal(value).toFixed(2, Prisma.Decimal.ROUND_HALF_UP);

async function direct() {
  const rows = await db.$queryRaw<{ key: string | null; week: string; cost: string }[]>`
    SELECT "tags" ->> 'name' AS key, to_char(GREATEST(date_trunc('week', "chargePeriodStart"::timestamp)::date, ${RANGE.from}::date), 'YYYY-MM-DD') AS week, SUM("billedCost")::text AS cost
    FROM "CostRecord" WHERE "organizationId" = ${org.organizationId} AND "chargePeriodStart" BETWEEN ${RANGE.from}::date AND ${RANGE.to}::date GROUP BY 1, 2`;
  const groups = new Map<string | null, Map<string, Prisma.Decimal>>();
  for (const row of rows) {
    const weeks = groups.get(row.key) ?? new Map<string, Prisma.Decimal>();
    weeks.set(row.week, new Prisma.Decimal(row.cost));
    groups.set(row.key, weeks);
  }
  const total = (weeks: Map<string, Prisma.Decimal>) => [...weeks.values()].reduce((sum, cost) => sum.plus(cost), new Prisma.Decimal(0));
  return [...groups]
    .map(([key, weeks]) => ({ key, total: total(weeks), weeks }))
    .sort((a, b) => b.total.comparedTo(a.total) || (a.key === null ? 1 : b.key === null ? -1 : a.key < b.key ? -1 : 1));
}

describe("cost explorer by a tag with many values", () => {
  it("pages, charts and totals exactly as CostRecord, with the cells of the shown groups", async () => {
    const expected = await direct();
    expect(expected.length).toBeGreaterThan(15);
    for (const page of [1, 2, 4]) {
      const result = await queryCostExplorer(db, org.organizationId, { range: RANGE, groupBy: "tag", tagKey: "name", granularity: "week", page, pageSize: 5 }, MOSCOW);
      expect(result.pagination.totalRows).toBe(expected.length);
      const shown = expected.slice((page - 1) * 5, page * 5);
      expect(result.rows.map((row) => [row.key, row.total])).toEqual(shown.map((group) => [group.key, money(group.total.toString())]));
      for (const row of result.rows) {
        const weeks = expected.find((group) => group.key === row.key)!.weeks;
        expect(row.byBucket).toEqual(result.buckets.map((bucket) => money((weeks.get(bucket) ?? new Prisma.Decimal(0)).toString())));
      }
      // The chart: the 10 largest groups with their weeks, then everything else.
      expect(result.chart.series.map((series) => series.key)).toEqual([...expected.slice(0, 10).map((group) => group.key), OTHER_SERIES_KEY]);
      result.buckets.forEach((bucket, position) => {
        const all = expected.reduce((sum, group) => sum.plus(group.weeks.get(bucket) ?? 0), new Prisma.Decimal(0));
        const top = expected.slice(0, 10).map((group) => group.weeks.get(bucket) ?? new Prisma.Decimal(0));
        const other = top.reduce((rest, cost) => rest.minus(cost), all);
        expect(result.chart.points[position]!.costs).toEqual([...top, other].map((cost) => money(cost.toString())));
        expect(result.totals.byBucket[position]).toBe(money(all.toString()));
      });
    }
  });

  it("has no group for records without the tag when every record carries it", async () => {
    const result = await queryCostExplorer(db, org.organizationId, { range: RANGE, groupBy: "tag", tagKey: "name", filters: { connectionIds: [org.openstack.id], services: ["Hosts"] } }, MOSCOW);
    const rows = await db.$queryRaw<{ untagged: number }[]>`
      SELECT COUNT(*)::int AS untagged FROM "CostRecord" WHERE "connectionId" = ${org.openstack.id} AND "serviceName" = 'Hosts' AND NOT ("tags" ? 'name')
        AND "chargePeriodStart" BETWEEN ${RANGE.from}::date AND ${RANGE.to}::date`;
    expect(rows[0]!.untagged).toBe(0);
    expect(result.rows.map((row) => row.key)).not.toContain(null);
    expect(result.rows.map((row) => row.key)).toEqual(["host-03", "host-09", "host-15", "host-00", "host-06", "host-12"]);
  });
});
