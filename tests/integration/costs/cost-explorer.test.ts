import { beforeAll, describe, expect, it } from "vitest";
import { db, type Prisma } from "@/server/db";
import { OTHER_SERIES_KEY, type CostExplorerResult } from "@/server/services/costs/cost-query-contract";
import { listCostExplorerOptions } from "@/server/services/costs/list-cost-explorer-options";
import { queryCostExplorer } from "@/server/services/costs/query-cost-explorer";
import { rebuildCostRollups } from "@/server/services/costs/refresh-cost-rollups";
import { truncateAllTables } from "../setup/worker-database";
import { chargeWebOnOctoberFirst, MOSCOW, SELECTEL_NAME, seedCostOrganization } from "./cost-fixtures";

let org: Awaited<ReturnType<typeof seedCostOrganization>>;

beforeAll(async () => {
  await truncateAllTables();
  org = await seedCostOrganization();
});

const OCTOBER = { from: "2025-10-01", to: "2025-10-15" };
const explore = (input: Record<string, unknown>) => queryCostExplorer(db, org.organizationId, { range: OCTOBER, ...input }, MOSCOW);
const totals = (result: CostExplorerResult) => result.rows.map((row) => [row.key, row.label, row.total]);

describe("cost explorer groupings", () => {
  it("groups by connection per month, clipping the first bucket to the period", async () => {
    const result = await explore({ groupBy: "connection", granularity: "month", range: { from: "2025-09-20", to: "2025-10-15" } });
    expect(result.buckets).toEqual(["2025-09-20", "2025-10-01"]);
    expect(result.rows).toEqual([
      { key: org.selectel.id, label: SELECTEL_NAME, total: "200.04", byBucket: ["0.00", "200.04"] },
      { key: org.openstack.id, label: "OpenStack lab", total: "30.00", byBucket: ["0.00", "30.00"] },
    ]);
    expect(result.totals).toEqual({ total: "230.04", byBucket: ["0.00", "230.04"] });
    expect(result).toMatchObject({ currency: "RUB", granularity: "month", groupBy: "connection", period: { from: "2025-09-20", to: "2025-10-15", days: 26 } });
  });

  it("groups by provider with display names", async () => {
    expect(totals(await explore({ groupBy: "provider" }))).toEqual([["selectel", "Selectel", "200.04"], ["openstack", "OpenStack", "30.00"]]);
  });

  it("groups by project with the inventory's project name, the bare id when unknown, and a group without project", async () => {
    expect(totals(await explore({ groupBy: "project" }))).toEqual([["p1", "Production", "145.03"], ["p2", "p2", "55.00"], [null, "—", "30.01"]]);
  });

  it("groups by region and by resource type", async () => {
    expect(totals(await explore({ groupBy: "region" }))).toEqual([["ru-1", "ru-1", "145.03"], ["ru-2", "ru-2", "55.00"], ["RegionOne", "RegionOne", "30.00"], [null, "—", "0.01"]]);
    expect(totals(await explore({ groupBy: "resourceType" }))).toEqual([["server", "server", "160.00"], ["misc", "misc", "55.00"], ["volume", "volume", "15.03"], ["other", "other", "0.01"]]);
  });

  it("groups by resource with the record's name, or its id when the bill has no name", async () => {
    const result = await explore({ groupBy: "resource", pageSize: 100 });
    expect(totals(result).slice(0, 3)).toEqual([["web-1", "web-1", "130.00"], ["db-1", "db-1", "30.00"], ["disk-1", "disk-1", "15.03"]]);
    expect(result.rows.find((row) => row.key === "dns")).toMatchObject({ label: "dns", total: "0.01" });
    expect(result.pagination.totalRows).toBe(14);
  });

  it("groups by a tag's values, with untagged records as their own group, and requires the tag key", async () => {
    expect(totals(await explore({ groupBy: "tag", tagKey: "env" }))).toEqual([["prod", "prod", "130.00"], [null, "—", "85.01"], ["dev", "dev", "15.03"]]);
    await expect(explore({ groupBy: "tag" })).rejects.toMatchObject({ code: "BAD_REQUEST", messageKey: "errors.tagKeyRequired" });
  });
});

describe("cost explorer buckets", () => {
  it("has one bucket per day with zero days", async () => {
    const result = await explore({ groupBy: "provider", granularity: "day", range: { from: "2025-10-10", to: "2025-10-12" } });
    expect(result.buckets).toEqual(["2025-10-10", "2025-10-11", "2025-10-12"]);
    expect(result.rows[0]).toEqual({ key: "selectel", label: "Selectel", total: "80.01", byBucket: ["67.51", "12.51", "0.00"] });
    expect(result.totals.byBucket).toEqual(["72.51", "17.51", "0.00"]);
  });

  it("starts weeks on Monday, the first one clipped to the period", async () => {
    const result = await explore({ groupBy: "connection", granularity: "week" });
    expect(result.buckets).toEqual(["2025-10-01", "2025-10-06", "2025-10-13"]);
    // Selectel: web 2nd–5th = 40; 6th–11th: 6 × 10 + 3 × 2.505 + 55 = 122.515; 13th–15th: 30 + 7.515 + 0.005
    expect(result.rows[0]!.byBucket).toEqual(["40.00", "122.52", "37.52"]);
    expect(result.totals.byBucket).toEqual(["40.00", "137.52", "52.52"]);
  });
});

describe("cost explorer filters", () => {
  it("matches any value within a filter and every filter together", async () => {
    expect(totals(await explore({ groupBy: "resource", filters: { services: ["Compute", "Storage"], regions: ["ru-1"] } }))).toEqual([["web-1", "web-1", "130.00"], ["disk-1", "disk-1", "15.03"]]);
    expect(totals(await explore({ groupBy: "service", filters: { providerIds: ["openstack"] } }))).toEqual([["Compute", "Compute", "30.00"]]);
    expect(totals(await explore({ groupBy: "service", filters: { connectionIds: [org.selectel.id], resourceTypes: ["volume", "misc"], projects: ["p1"] } }))).toEqual([["Storage", "Storage", "15.03"]]);
  });

  it("finds nothing when a connection filter and a provider filter exclude each other", async () => {
    const result = await explore({ groupBy: "service", filters: { connectionIds: [org.openstack.id], providerIds: ["selectel"] } });
    expect(result.rows).toEqual([]);
    expect(result.totals.total).toBe("0.00");
    expect(result.pagination).toEqual({ page: 1, pageSize: 25, totalRows: 0, pageCount: 0 });
  });

  it("filters on tag values (every tag must match), also when grouping by a rollup dimension", async () => {
    expect(totals(await explore({ groupBy: "service", filters: { tags: [{ key: "env", value: "prod" }] } }))).toEqual([["Compute", "Compute", "130.00"]]);
    expect(totals(await explore({ groupBy: "service", filters: { tags: [{ key: "env", value: "prod" }, { key: "team", value: "b" }] } }))).toEqual([]);
    expect(totals(await explore({ groupBy: "provider", filters: { tags: [{ key: "env", value: "dev" }] } }))).toEqual([["selectel", "Selectel", "15.03"]]);
  });
});

describe("cost explorer order, pages, totals and chart", () => {
  it("sorts by label either way with the key as tie-break, records without the dimension last", async () => {
    const ascending = await explore({ groupBy: "service", sort: { by: "label", direction: "asc" }, pageSize: 100 });
    expect(ascending.rows.map((row) => row.label)).toEqual(["Compute", "S01", "S02", "S03", "S04", "S05", "S06", "S07", "S08", "S09", "S10", "Storage", "—"]);
    const descending = await explore({ groupBy: "region", sort: { by: "label", direction: "desc" } });
    expect(descending.rows.map((row) => row.label)).toEqual(["—", "ru-2", "ru-1", "RegionOne"]);
  });

  it("sorts by total ascending and breaks equal totals by key", async () => {
    await db.costRecord.create({
      data: { organizationId: org.organizationId, connectionId: org.openstack.id, providerResourceId: "twin", chargePeriodStart: new Date("2025-10-10"), chargePeriodEnd: new Date("2025-10-11"), billedCost: "1.0000", effectiveCost: "1.0000", billingCurrency: "RUB", serviceName: "A-twin", regionId: "RegionOne", resourceType: "misc" },
    });
    await rebuildCostRollups(db, { organizationId: org.organizationId });
    try {
      const result = await explore({ groupBy: "service", sort: { by: "total", direction: "asc" }, pageSize: 3, filters: { services: ["S01", "A-twin", "S02"] } });
      expect(totals(result)).toEqual([["A-twin", "A-twin", "1.00"], ["S01", "S01", "1.00"], ["S02", "S02", "2.00"]]);
    } finally {
      await db.costRecord.deleteMany({ where: { providerResourceId: "twin" } });
      await rebuildCostRollups(db, { organizationId: org.organizationId });
    }
  });

  it("pages over groups while totals and the row count cover every group", async () => {
    const page3 = await explore({ groupBy: "service", pageSize: 5, page: 3 });
    expect(page3.rows.map((row) => row.label)).toEqual(["S02", "S01", "—"]);
    expect(page3.pagination).toEqual({ page: 3, pageSize: 5, totalRows: 13, pageCount: 3 });
    expect(page3.totals.total).toBe("230.04");
    const beyond = await explore({ groupBy: "service", pageSize: 5, page: 4 });
    expect(beyond.rows).toEqual([]);
    expect(beyond.pagination).toEqual({ page: 4, pageSize: 5, totalRows: 13, pageCount: 3 });
  });

  it("charts the top 10 groups by total and sums the rest as other, whatever page is shown", async () => {
    for (const input of [{ pageSize: 25 }, { pageSize: 2, page: 2, sort: { by: "label", direction: "asc" } }]) {
      const result = await explore({ groupBy: "service", granularity: "day", ...input });
      expect(result.chart.series.map((series) => series.key)).toEqual(["Compute", "Storage", "S10", "S09", "S08", "S07", "S06", "S05", "S04", "S03", OTHER_SERIES_KEY]);
      const tenth = result.buckets.indexOf("2025-10-10");
      const fourteenth = result.buckets.indexOf("2025-10-14");
      // other = S02 + S01 on the 10th, the 0.005 without a service on the 14th
      expect(result.chart.points[tenth]!.costs.at(-1)).toBe("3.00");
      expect(result.chart.points[fourteenth]!.costs.at(-1)).toBe("0.01");
      expect(result.chart.points[tenth]).toEqual({ bucket: "2025-10-10", costs: ["15.00", "2.51", "10.00", "9.00", "8.00", "7.00", "6.00", "5.00", "4.00", "3.00", "3.00"] });
    }
  });

  it("has no other series when 10 groups or fewer", async () => {
    const result = await explore({ groupBy: "connection" });
    expect(result.chart.series).toEqual([{ key: org.selectel.id, label: SELECTEL_NAME }, { key: org.openstack.id, label: "OpenStack lab" }]);
  });
});

describe("cost explorer options", () => {
  it("offers the organization's own connections, providers and dimension values", async () => {
    expect(await listCostExplorerOptions(db, org.organizationId)).toEqual({
      connections: [
        { id: org.openstack.id, name: "OpenStack lab", providerId: "openstack" },
        { id: org.selectel.id, name: SELECTEL_NAME, providerId: "selectel" },
      ],
      providers: [{ id: "openstack", name: "OpenStack" }, { id: "selectel", name: "Selectel" }],
      services: ["Compute", "S01", "S02", "S03", "S04", "S05", "S06", "S07", "S08", "S09", "S10", "Storage"],
      regions: ["RegionOne", "ru-1", "ru-2"],
      projects: [{ id: "p1", name: "Production" }, { id: "p2", name: "p2" }],
      resourceTypes: ["misc", "other", "server", "volume"],
      tagKeys: ["env", "team"],
    });
  });
});

// A month with more objects than a page's ranking reads: the explorer prunes it (rank-resource-totals.ts) and must
// answer exactly as CostRecord does, cells, names, count, chart and totals included.
describe("cost explorer by resource over a busy month", () => {
  it("ranks, pages and charts like CostRecord", async () => {
    const busy = await seedCostOrganization("Busy");
    const rows: Prisma.CostRecordCreateManyInput[] = [];
    for (let index = 1; index <= 120; index += 1) {
      for (let day = 1; day <= 31; day += 1) {
        const start = new Date(Date.UTC(2025, 9, day));
        // Heavy-tailed, changing by day; one object is credited on the 7th and renamed on the 20th.
        const cost = index === 120 && day === 7 ? "-500000.0000" : ((index ** 3 * (1 + (day % 5))) / 100).toFixed(4);
        const name = index === 119 && day >= 20 ? "renamed" : `vm-${String(index).padStart(3, "0")}`;
        rows.push({
          organizationId: busy.organizationId, connectionId: index % 2 ? busy.selectel.id : busy.openstack.id, providerResourceId: `r-${index}`, resourceName: name,
          chargePeriodStart: start, chargePeriodEnd: new Date(start.getTime() + 86_400_000), billedCost: cost, effectiveCost: cost, billingCurrency: "RUB", serviceName: "Compute", tags: {},
        });
      }
    }
    // r-118 is billed twice on the 7th, once by each connection: its cell there is the sum.
    rows.push({ ...rows.find((row) => row.providerResourceId === "r-118" && (row.chargePeriodStart as Date).getUTCDate() === 7)!, connectionId: busy.selectel.id, billedCost: "1.2345", effectiveCost: "1.2345" });
    await db.costRecord.createMany({ data: rows });
    await rebuildCostRollups(db, { organizationId: busy.organizationId });
    const expected = await db.$queryRaw<{ key: string; name: string; total: string }[]>`
      SELECT "providerResourceId" AS key, MAX("resourceName") AS name, SUM("billedCost")::numeric(30, 2)::text AS total FROM "CostRecord"
      WHERE "organizationId" = ${busy.organizationId} GROUP BY 1 ORDER BY SUM("billedCost") DESC, 1`;
    const cell = async (key: string, day: string) =>
      (await db.$queryRaw<{ cost: string }[]>`SELECT SUM("billedCost")::numeric(30, 2)::text AS cost FROM "CostRecord" WHERE "organizationId" = ${busy.organizationId} AND "providerResourceId" = ${key} AND "chargePeriodStart" = ${day}::date`)[0]!.cost;
    const ask = (page: number) => queryCostExplorer(db, busy.organizationId, { range: { from: "2025-10-01", to: "2025-10-31" }, groupBy: "resource", granularity: "day", pageSize: 10, page }, MOSCOW);
    for (const page of [1, 2, 9]) {
      const result = await ask(page);
      const shown = expected.slice((page - 1) * 10, page * 10);
      expect(result.rows.map((row) => [row.key, row.label, row.total]), `page ${page}`).toEqual(shown.map((row) => [row.key, row.name, row.total]));
      expect(result.pagination.totalRows).toBe(expected.length);
      for (const row of result.rows.slice(0, 2)) expect(row.byBucket[6]).toBe(await cell(row.key!, "2025-10-07"));
      expect(result.chart.series.slice(0, 10).map((series) => series.key)).toEqual(expected.slice(0, 10).map((row) => row.key));
      expect(result.chart.points[6]!.costs[0]).toBe(await cell(expected[0]!.key, "2025-10-07"));
    }
    const first = await ask(1);
    const all = await db.$queryRaw<{ total: string }[]>`SELECT SUM("billedCost")::numeric(30, 2)::text AS total FROM "CostRecord" WHERE "organizationId" = ${busy.organizationId}`;
    expect(first.totals.total).toBe(all[0]!.total);
    expect(expected.find((row) => row.key === "r-119")?.name).toBe("vm-119");
    expect(expected.findIndex((row) => row.key === "r-120")).toBeGreaterThan(10);
    expect(first.rows[1]?.key).toBe("r-118");
    expect(first.rows[1]!.byBucket[6]).toBe(await cell("r-118", "2025-10-07"));
  });
});

// A ranked page of resources is built from the split facts last read for its period and reads them again in its
// one statement (recall-split-facts.ts): when records arrive in between and change them, the answer must not use
// the stale split.
describe("cost explorer by resource, asked again", () => {
  /** db whose raw statements are counted. */
  function counting() {
    let statements = 0;
    const counted = new Proxy(db, {
      get(target, property) {
        const value = Reflect.get(target, property, target) as unknown;
        if (property === "$queryRaw") return (...args: unknown[]) => ((statements += 1), (value as (...a: unknown[]) => unknown).apply(target, args));
        return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
    return { db: counted, taken: () => ((statement) => ((statements = 0), statement))(statements) };
  }

  it("answers in one statement, and asks again when the facts it was built from no longer hold", async () => {
    const recalled = await seedCostOrganization("Recall");
    const period = { from: "2025-10-02", to: "2025-10-31" };
    const { db: counted, taken } = counting();
    const ask = () => queryCostExplorer(counted, recalled.organizationId, { range: period, groupBy: "resource", granularity: "day", pageSize: 5 }, MOSCOW);
    const expected = async () =>
      db.$queryRaw<{ key: string; total: string }[]>`
        SELECT "providerResourceId" AS key, SUM("billedCost")::numeric(30, 2)::text AS total FROM "CostRecord"
        WHERE "organizationId" = ${recalled.organizationId} AND "chargePeriodStart" BETWEEN ${period.from}::date AND ${period.to}::date
        GROUP BY 1 ORDER BY SUM("billedCost") DESC, 1`;

    const first = await ask();
    expect(taken()).toBe(2); // the lookups, then the question
    const again = await ask();
    expect(taken()).toBe(1);
    expect(again).toEqual(first);
    expect(again.currency).toBe("RUB");
    expect(again.rows.map((row) => [row.key, row.total])).toEqual((await expected()).slice(0, 5).map((row) => [row.key, row.total]));

    // A charge of web-1 on October 1st, like its others: the period no longer covers October whole, so October's
    // monthly rollup (web-1's row now starts on the 1st and holds the 1,000) must not answer it.
    await chargeWebOnOctoberFirst(recalled);
    const after = await ask();
    expect(taken()).toBe(3); // the recalled question, thrown away; the lookups; the question
    expect(after.rows.map((row) => [row.key, row.total])).toEqual((await expected()).slice(0, 5).map((row) => [row.key, row.total]));
    expect(after.totals.total).toBe(first.totals.total);
    expect(await ask()).toEqual(after);
    expect(taken()).toBe(1);
    if (process.env.TEST_DATABASE_URL) {
      // On PostgreSQL the question is a prepared statement of the session that asked it (prepared-statement-names.ts).
      const prepared = await db.$queryRaw<{ name: string }[]>`SELECT name FROM pg_prepared_statements WHERE statement LIKE '%"CostResourceKey"%' AND statement LIKE '%row_to_json%'`;
      expect(prepared.length).toBeGreaterThan(0);
      for (const statement of prepared) expect(statement.name).toMatch(/^iz_\d+$/);
    }
  });
});
