import { beforeAll, describe, expect, it } from "vitest";
import { db, Prisma } from "@/server/db";
import { planPeriodSplit } from "@/server/services/costs/cost-source-sql";
import { queryCostExplorer } from "@/server/services/costs/query-cost-explorer";
import { rebuildCostRollups } from "@/server/services/costs/refresh-cost-rollups";
import { formatMoney } from "@/server/services/costs/money";
import { truncateAllTables } from "../setup/worker-database";
import { MOSCOW, seedCostOrganization } from "./cost-fixtures";

// Week and month views read whole buckets from the period rollups and the partial ones at the period's edges
// from the daily rollups: every grouping they serve must give exactly CostRecord's figures, credits included.
let org: Awaited<ReturnType<typeof seedCostOrganization>>;

const SERVICES = ["Compute", "Storage", "Network"];
const TEAMS = ["platform", "data", null];
const PROJECTS = ["p-1", "p-2", null];

beforeAll(async () => {
  await truncateAllTables();
  org = await seedCostOrganization("Org P");
  const rows: Prisma.CostRecordCreateManyInput[] = [];
  for (let index = 0; index < 12; index += 1) {
    for (let offset = 0; offset < 128; offset += 1) {
      const start = new Date(Date.UTC(2025, 5, 10 + offset));
      // Every fifth day of some objects is a credit.
      const cost = offset % 5 === 0 && index % 4 === 0 ? `-${(index + 1) / 2}` : (1 + index * 0.37 + (offset % 7) * 0.011).toFixed(4);
      const team = TEAMS[index % 3];
      rows.push({
        organizationId: org.organizationId, connectionId: index % 2 ? org.selectel.id : org.openstack.id, providerResourceId: `object-${index}`, resourceName: `object-${index}`,
        chargePeriodStart: start, chargePeriodEnd: new Date(start.getTime() + 86_400_000), billedCost: cost, effectiveCost: cost, billingCurrency: "RUB",
        serviceName: SERVICES[index % 3], subAccountId: PROJECTS[(index >> 1) % 3], tags: team ? { team } : {},
      });
    }
  }
  await db.costRecord.createMany({ data: rows });
  await rebuildCostRollups(db, { organizationId: org.organizationId });
});

type Granularity = "week" | "month";

const KEYS = {
  service: Prisma.sql`"serviceName"`,
  project: Prisma.sql`"subAccountId"`,
  connection: Prisma.sql`"connectionId"`,
  tag: Prisma.sql`("tags" ->> 'team')`,
};

/** CostRecord grouped by the key and the bucket (clipped to the period), as the explorer's rows and totals. */
async function direct(groupBy: keyof typeof KEYS, granularity: Granularity, range: { from: string; to: string }, filter: Prisma.Sql) {
  const rows = await db.$queryRaw<{ key: string | null; bucket: string; cost: string }[]>`
    SELECT ${KEYS[groupBy]} AS key, to_char(GREATEST(date_trunc(${granularity}, "chargePeriodStart"::timestamp)::date, ${range.from}::date), 'YYYY-MM-DD') AS bucket, SUM("billedCost")::text AS cost
    FROM "CostRecord" WHERE "organizationId" = ${org.organizationId} AND "chargePeriodStart" BETWEEN ${range.from}::date AND ${range.to}::date AND ${filter} GROUP BY 1, 2`;
  const groups = new Map<string | null, Map<string, Prisma.Decimal>>();
  const totals = new Map<string, Prisma.Decimal>();
  for (const row of rows) {
    const buckets = groups.get(row.key) ?? new Map<string, Prisma.Decimal>();
    buckets.set(row.bucket, new Prisma.Decimal(row.cost));
    groups.set(row.key, buckets);
    totals.set(row.bucket, (totals.get(row.bucket) ?? new Prisma.Decimal(0)).plus(row.cost));
  }
  return { groups, totals };
}

const CASES: { name: string; groupBy: keyof typeof KEYS; granularity: Granularity; range: { from: string; to: string }; filters?: Record<string, unknown>; filter?: Prisma.Sql }[] = [
  { name: "service by week, partial weeks at both edges", groupBy: "service", granularity: "week", range: { from: "2025-06-18", to: "2025-09-24" } },
  { name: "service by month, partial months at both edges", groupBy: "service", granularity: "month", range: { from: "2025-06-18", to: "2025-09-24" } },
  { name: "connection by month, whole months only", groupBy: "connection", granularity: "month", range: { from: "2025-07-01", to: "2025-09-30" } },
  {
    name: "project by month with a service filter (the daily rollup's dimensions)", groupBy: "project", granularity: "month", range: { from: "2025-06-18", to: "2025-10-15" },
    filters: { services: ["Compute", "Storage"] }, filter: Prisma.sql`"serviceName" IN ('Compute', 'Storage')`,
  },
  { name: "a tag's values by week, untagged records as their own group", groupBy: "tag", granularity: "week", range: { from: "2025-06-11", to: "2025-10-15" } },
  { name: "a tag's values by month", groupBy: "tag", granularity: "month", range: { from: "2025-06-11", to: "2025-10-15" } },
  {
    name: "service by week under a tag filter", groupBy: "service", granularity: "week", range: { from: "2025-06-18", to: "2025-09-24" },
    filters: { tags: [{ key: "team", value: "platform" }] }, filter: Prisma.sql`("tags" ->> 'team') = 'platform'`,
  },
  { name: "service by week without a whole week", groupBy: "service", granularity: "week", range: { from: "2025-07-02", to: "2025-07-05" } },
];

describe("explorer week and month views over the period rollups", () => {
  for (const testCase of CASES) {
    it(`${testCase.name}: exactly CostRecord's figures`, async () => {
      const { groupBy, granularity, range } = testCase;
      const result = await queryCostExplorer(db, org.organizationId, {
        range, granularity, groupBy, tagKey: groupBy === "tag" ? "team" : undefined, pageSize: 500,
        filters: { connectionIds: [], providerIds: [], services: [], regions: [], projects: [], resourceTypes: [], tags: [], ...testCase.filters },
      }, MOSCOW);
      const expected = await direct(groupBy, granularity, range, testCase.filter ?? Prisma.sql`TRUE`);
      const byBucket = (buckets: Map<string, Prisma.Decimal> | undefined) => result.buckets.map((bucket) => formatMoney(buckets?.get(bucket) ?? new Prisma.Decimal(0)));
      expect(result.rows.map((row) => row.key).sort()).toEqual([...expected.groups.keys()].sort());
      for (const row of result.rows) {
        const buckets = expected.groups.get(row.key);
        expect(row.byBucket, String(row.key)).toEqual(byBucket(buckets));
        expect(row.total, String(row.key)).toBe(formatMoney([...buckets!.values()].reduce((sum, cost) => sum.plus(cost), new Prisma.Decimal(0))));
      }
      expect(result.totals.byBucket).toEqual(byBucket(expected.totals));
    });
  }

  it("splits a period into whole buckets and partial edges", () => {
    expect(planPeriodSplit({ from: "2025-06-18", to: "2025-09-24" }, "week")).toEqual({ grain: "week", buckets: { from: "2025-06-23", to: "2025-09-15" }, edges: [{ from: "2025-06-18", to: "2025-06-22" }, { from: "2025-09-22", to: "2025-09-24" }] });
    expect(planPeriodSplit({ from: "2025-06-18", to: "2025-09-24" }, "month")).toEqual({ grain: "month", buckets: { from: "2025-07-01", to: "2025-08-01" }, edges: [{ from: "2025-06-18", to: "2025-06-30" }, { from: "2025-09-01", to: "2025-09-24" }] });
    expect(planPeriodSplit({ from: "2025-07-01", to: "2025-09-30" }, "month")).toEqual({ grain: "month", buckets: { from: "2025-07-01", to: "2025-09-01" }, edges: [] });
    expect(planPeriodSplit({ from: "2025-07-02", to: "2025-07-05" }, "week")).toBeNull();
    expect(planPeriodSplit({ from: "2025-07-01", to: "2025-09-30" }, "day")).toBeNull();
  });
});
