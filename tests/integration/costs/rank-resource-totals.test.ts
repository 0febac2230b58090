import { beforeAll, describe, expect, it } from "vitest";
import { db, Prisma } from "@/server/db";
import { resolveFilters } from "@/server/services/costs/cost-source-sql";
import { costExplorerInput } from "@/server/services/costs/cost-query-contract";
import { rankCandidates, rankResourceTotals, type RankWindow } from "@/server/services/costs/rank-resource-totals";
import { rebuildCostRollups } from "@/server/services/costs/refresh-cost-rollups";
import { truncateAllTables } from "../setup/worker-database";
import { planMonthSplit, seedCostOrganization } from "./cost-fixtures";

// Rankings group the monthly rollup by integer keys and resolve the text ids of a window's candidates only: the
// windows must be exactly what ordering CostRecord's sums by (total, connection, id) in byte order gives, ties
// across a page boundary included.
let org: Awaited<ReturnType<typeof seedCostOrganization>>;

const day = (offset: number) => new Date(Date.UTC(2025, 8, 20 + offset)).toISOString().slice(0, 10);

beforeAll(async () => {
  await truncateAllTables();
  org = await seedCostOrganization();
  const rows: Prisma.CostRecordCreateManyInput[] = [];
  const record = (connectionId: string, id: string, offset: number, cost: string, serviceName = "Compute") =>
    rows.push({
      organizationId: org.organizationId, connectionId, providerResourceId: id, resourceName: id, chargePeriodStart: new Date(`${day(offset)}T00:00:00Z`),
      chargePeriodEnd: new Date(`${day(offset + 1)}T00:00:00Z`), billedCost: cost, effectiveCost: cost, billingCurrency: "RUB", serviceName, resourceType: "server", tags: {},
    });
  // 30 objects over 2025-09-20..2025-11-08 whose totals tie in groups of three (ids sort against their creation order).
  for (let index = 0; index < 30; index += 1) {
    const id = `tie-${String((index * 7) % 30).padStart(2, "0")}`;
    for (let offset = 0; offset < 50; offset += 1) record(index % 2 ? org.selectel.id : org.openstack.id, id, offset, (1 + Math.floor(index / 3)).toFixed(4));
  }
  // The same provider id on both connections, a credit, and objects billed on edge days only.
  for (let offset = 0; offset < 50; offset += 1) record(org.selectel.id, "shared", offset, "2.5000", "Shared Storage");
  for (let offset = 0; offset < 50; offset += 1) record(org.openstack.id, "shared", offset, "2.5000", "Shared Storage");
  for (let offset = 0; offset < 50; offset += 1) record(org.selectel.id, "credit", offset, "-0.7500");
  // Amounts beyond 2^31 ten-thousandths per row (the sums are taken in two int4 halves), both signs.
  for (let offset = 0; offset < 50; offset += 7) record(org.openstack.id, "big", offset, "250000.5001");
  for (let offset = 3; offset < 50; offset += 9) record(org.selectel.id, "big-credit", offset, "-314159.2653");
  record(org.selectel.id, "edge-only-first", 2, "300.0000");
  record(org.openstack.id, "edge-only-last", 48, "9.0000");
  await db.costRecord.createMany({ data: rows });
  await rebuildCostRollups(db, { organizationId: org.organizationId });
});

interface Expected {
  connectionId: string | null;
  providerResourceId: string;
  total: string;
}

/** CostRecord summed per object (or per connection and object), in the backend's order. */
function direct(range: { from: string; to: string }, perConnection: boolean, direction: "asc" | "desc", filter: Prisma.Sql = Prisma.sql`TRUE`): Promise<Expected[]> {
  return directOf(org.organizationId, range, direction, perConnection, filter);
}

async function directOf(organizationId: string, range: { from: string; to: string }, direction: "asc" | "desc", perConnection = false, filter: Prisma.Sql = Prisma.sql`TRUE`): Promise<Expected[]> {
  const connection = perConnection ? Prisma.sql`"connectionId"` : Prisma.sql`NULL::text`;
  return db.$queryRaw<Expected[]>`
    SELECT g."connectionId", g."providerResourceId", g.total::numeric(30, 4)::text AS total FROM (
      SELECT ${connection} AS "connectionId", "providerResourceId", SUM("billedCost") AS total FROM "CostRecord"
      WHERE "organizationId" = ${organizationId} AND "chargePeriodStart" BETWEEN ${range.from}::date AND ${range.to}::date AND ${filter}
      GROUP BY 1, 2) g
    ORDER BY g.total ${Prisma.raw(direction === "asc" ? "ASC" : "DESC")}, g."connectionId" COLLATE "C", g."providerResourceId" COLLATE "C"`;
}

async function rankOptions(range: { from: string; to: string }, perConnection: boolean, windows: RankWindow[], services: string[] = []) {
  const filters = resolveFilters({ ...costExplorerInput.shape.filters.parse(undefined), services }, new Map());
  const split = await planMonthSplit(org.organizationId, range);
  return { period: range, split, filters, perConnection, windows, count: true };
}

async function rank(range: { from: string; to: string }, perConnection: boolean, windows: RankWindow[], services: string[] = []) {
  return rankResourceTotals(db, org.organizationId, await rankOptions(range, perConnection, windows, services));
}

/** A cellsOf that gives each shown object's name and its period total as its "cells". */
const totalsAsCells = (organizationId: string, range: { from: string; to: string }) => (ids: Prisma.Sql) => Prisma.sql`
  SELECT w.key, MAX(r."resourceName") AS name, SUM(r."billedCost")::text AS cells FROM ${ids} w (key)
  JOIN "CostRecord" r ON r."organizationId" = ${organizationId} AND r."providerResourceId" = w.key AND r."chargePeriodStart" BETWEEN ${range.from}::date AND ${range.to}::date
  GROUP BY w.key`;

const strip = (rows: { connectionId: string | null; providerResourceId: string; total: string }[]) =>
  rows.map((row) => ({ connectionId: row.connectionId, providerResourceId: row.providerResourceId, total: row.total }));

const RANGES = [
  { from: "2025-09-22", to: "2025-11-06" }, // edges on both sides, October whole
  { from: "2025-09-20", to: "2025-11-08" }, // every day billed: both edge months are partial
  { from: "2025-10-01", to: "2025-10-31" }, // one whole month
  { from: "2025-09-25", to: "2025-09-30" }, // edge days only
];

describe("rankResourceTotals", () => {
  for (const range of RANGES) {
    for (const perConnection of [false, true]) {
      it(`pages ${range.from}..${range.to} ${perConnection ? "per connection" : "across connections"} exactly like CostRecord, ties across page boundaries included`, async () => {
        let proved = 0;
        for (const direction of ["desc", "asc"] as const) {
          const expected = await direct(range, perConnection, direction);
          for (const size of [4, 5, 7]) {
            for (let offset = 0; offset < expected.length + size; offset += size) {
              const windows: RankWindow[] = [{ name: "page", direction, limit: size, offset }];
              const { rows, count } = await rank(range, perConnection, windows);
              expect(count).toBe(expected.length);
              expect(strip(rows), `${direction} ${size}@${offset}`).toEqual(expected.slice(offset, offset + size));
              // The pruned statement (used over longer periods), wherever its bound proves the window.
              const pruned = direction === "desc" ? await rankCandidates(db, org.organizationId, await rankOptions(range, perConnection, windows)) : null;
              if (pruned) {
                proved += 1;
                expect(pruned.count).toBe(expected.length);
                expect(strip(pruned.rows), `pruned ${size}@${offset}`).toEqual(expected.slice(offset, offset + size));
              }
            }
          }
        }
        expect(proved).toBeGreaterThan(0);
      });
    }
  }

  it("answers several windows in one statement and applies the filters to whole months and edges alike", async () => {
    const range = RANGES[0]!;
    const { rows, count } = await rank(range, false, [{ name: "page", direction: "asc", limit: 3, offset: 2 }, { name: "top", direction: "desc", limit: 11, offset: 0 }], ["Shared Storage"]);
    const expected = await direct(range, false, "desc", Prisma.sql`"serviceName" = 'Shared Storage'`);
    expect(count).toBe(1);
    expect(expected).toEqual([{ connectionId: null, providerResourceId: "shared", total: "230.0000" }]);
    expect(strip(rows.filter((row) => row.window === "top"))).toEqual(expected);
    expect(rows.filter((row) => row.window === "page")).toEqual([]);
    // "shared" is one object across connections and two per connection.
    const all = await rank(range, true, [{ name: "top", direction: "desc", limit: 50, offset: 0 }]);
    expect(all.rows.filter((row) => row.providerResourceId === "shared").map((row) => row.total)).toEqual(["115.0000", "115.0000"]);
  });

  it("gives every billed object a key that survives rebuilds", async () => {
    const before = await db.costResourceKey.findMany({ where: { organizationId: org.organizationId }, orderBy: { id: "asc" } });
    await rebuildCostRollups(db, { organizationId: org.organizationId, from: "2025-10-01", to: "2025-10-31" });
    await rebuildCostRollups(db, { organizationId: org.organizationId });
    const after = await db.costResourceKey.findMany({ where: { organizationId: org.organizationId }, orderBy: { id: "asc" } });
    expect(after).toEqual(before);
    expect(after.map((key) => key.providerResourceId).sort()).toEqual([...new Set((await db.costRecord.findMany({ where: { organizationId: org.organizationId } })).map((row) => row.providerResourceId))].sort());
    const mismatched = await db.$queryRaw<{ n: number }[]>`
      SELECT COUNT(*)::int AS n FROM "CostResourceMonthly" m JOIN "CostResourceKey" k ON k."id" = m."resourceKey"
      WHERE m."organizationId" = ${org.organizationId} AND (k."providerResourceId" <> m."providerResourceId" OR k."organizationId" <> m."organizationId")`;
    expect(mismatched[0]!.n).toBe(0);
  });

  it("counts a record from the rollup refresh that follows its write on, like every other figure of the period", async () => {
    const range = { from: "2025-10-01", to: "2025-10-31" };
    await db.costRecord.create({
      data: {
        organizationId: org.organizationId, connectionId: org.selectel.id, providerResourceId: "late", resourceName: "late", chargePeriodStart: new Date("2025-10-05T00:00:00Z"),
        chargePeriodEnd: new Date("2025-10-06T00:00:00Z"), billedCost: "9999999.0000", effectiveCost: "9999999.0000", billingCurrency: "RUB", serviceName: "Compute", tags: {},
      },
    });
    const top = async () => (await rank(range, true, [{ name: "top", direction: "desc", limit: 1, offset: 0 }])).rows.map((row) => row.providerResourceId);
    expect(await top()).not.toEqual(["late"]);
    await rebuildCostRollups(db, { connectionId: org.selectel.id, from: "2025-10-05", to: "2025-10-05" });
    expect(await top()).toEqual(["late"]);
    expect((await db.costRecord.findFirstOrThrow({ where: { providerResourceId: "late" } })).resourceKey).toBe((await db.costResourceKey.findFirstOrThrow({ where: { providerResourceId: "late" } })).id);
  });
});

/** A day's charge of an object on the organization's Selectel connection. */
function selectelRow(organization: Awaited<ReturnType<typeof seedCostOrganization>>, id: string, date: string, cost: string): Prisma.CostRecordCreateManyInput {
  return {
    organizationId: organization.organizationId, connectionId: organization.selectel.id, providerResourceId: id, resourceName: id, chargePeriodStart: new Date(`${date}T00:00:00Z`),
    chargePeriodEnd: new Date(`${date}T00:00:00Z`), billedCost: cost, effectiveCost: cost, billingCurrency: "RUB", tags: {},
  };
}

// Top-N rankings first sum only the objects among each month's highest ceilings; they must either prove that no
// other object can reach the top N or give way to the full ranking.
describe("rankResourceTotals pruned by monthly ceilings", () => {
  let other: Awaited<ReturnType<typeof seedCostOrganization>>;
  const period = { from: "2024-12-29", to: "2025-03-31" }; // December's last days are an edge: it has charges before them
  const top = (limit: number): RankWindow[] => [{ name: "top", direction: "desc", limit, offset: 0 }];
  const options = async (windows: RankWindow[], perConnection = false) => ({ period, split: await planMonthSplit(other.organizationId, period), filters: null, perConnection, windows, count: true });

  beforeAll(async () => {
    other = await seedCostOrganization("Org B");
    const rows: Prisma.CostRecordCreateManyInput[] = [];
    const record = (id: string, date: string, cost: string, connectionId = other.selectel.id, serviceName = "Compute") => {
      const start = new Date(`${date}T00:00:00Z`);
      rows.push({
        organizationId: other.organizationId, connectionId, providerResourceId: id, resourceName: id, chargePeriodStart: start, chargePeriodEnd: new Date(start.getTime() + 86_400_000),
        billedCost: cost, effectiveCost: cost, billingCurrency: "RUB", serviceName, tags: {},
      });
    };
    const months = ["2025-01-10", "2025-02-10", "2025-03-10"];
    // Heavy-tailed: i³ a month for 40 objects, on the first months of the year.
    for (let index = 1; index <= 40; index += 1) for (const date of months) record(`tail-${String(index).padStart(2, "0")}`, date, (index ** 3).toFixed(4));
    // A credit on its own service (its own monthly row): the ceiling keeps the charge, the total nets the credit.
    record("tail-40", "2025-02-11", "-1000.0000", other.selectel.id, "Credits");
    // Charged in January and March but not February, and on an edge day besides (counted once whatever the period).
    for (const date of ["2024-12-30", "2025-01-12", "2025-03-12"]) record("gappy", date, "5.0000");
    // On edge days only, and before the period (December has charges outside it, so its days come from CostRecord).
    record("edge-only", "2024-12-30", "150000.0000", other.openstack.id);
    // A credit and a charge in one monthly row (which nets to zero): its days after the credit total more than the month.
    record("swing", "2025-02-05", "-100.0000");
    record("swing", "2025-02-20", "100.0000");
    // On a trailing edge only, and on both edges with no charge in the months between.
    record("tail-only", "2025-03-05", "5.0000");
    for (const date of ["2024-12-30", "2025-03-05"]) record("both-edges", date, "7.0000");
    record("before", "2024-12-01", "999999.0000");
    // Charged every day of February, twice on the 3rd (once by each connection): its dearest day is the 3rd.
    for (let date = 1; date <= 28; date += 1) record("daily", `2025-02-${String(date).padStart(2, "0")}`, "10.0000");
    record("daily", "2025-02-03", "5.0000", other.openstack.id);
    await db.costRecord.createMany({ data: rows });
    await rebuildCostRollups(db, { organizationId: other.organizationId });
  });

  it("keeps one ceiling per object and month: the positive parts of its records, with its first and last charge day", async () => {
    const ceilings = await db.costResourceMonthCeiling.findMany({ where: { organizationId: other.organizationId, month: new Date("2025-02-01T00:00:00Z") }, include: { organization: false } });
    expect(ceilings).toHaveLength(42);
    const keys = new Map((await db.costResourceKey.findMany({ where: { organizationId: other.organizationId } })).map((key) => [key.id, key.providerResourceId]));
    const of = (id: string) => ceilings.find((ceiling) => keys.get(ceiling.resourceKey) === id);
    const day = (date: Date | undefined) => date?.toISOString().slice(0, 10);
    expect(of("tail-40")?.ceiling.toFixed(4)).toBe("64000.0000");
    expect([day(of("tail-40")?.firstDay), day(of("tail-40")?.lastDay)]).toEqual(["2025-02-10", "2025-02-11"]);
    expect(of("tail-02")?.ceiling.toFixed(4)).toBe("8.0000");
    // Its monthly row nets to zero, but February 15–28 alone total 100.
    expect(of("swing")?.ceiling.toFixed(4)).toBe("100.0000");
    expect([day(of("swing")?.firstDay), day(of("swing")?.lastDay)]).toEqual(["2025-02-05", "2025-02-20"]);
    // The positive parts of its dearest day's records: the credit's day counts 0, the charge's 100.
    expect([of("tail-40")?.dayCeiling.toFixed(4), of("swing")?.dayCeiling.toFixed(4)]).toEqual(["64000.0000", "100.0000"]);
    expect([of("daily")?.ceiling.toFixed(4), of("daily")?.dayCeiling.toFixed(4)]).toEqual(["285.0000", "15.0000"]);
  });

  it("proves a heavy-tailed top N from the candidates alone, edge days and credits included", async () => {
    const expected = await directOf(other.organizationId, period, "desc");
    for (const limit of [1, 3, 5]) {
      const ranked = await rankCandidates(db, other.organizationId, await options(top(limit)));
      expect(ranked, `top ${limit}`).not.toBeNull();
      expect(strip(ranked!.rows)).toEqual(expected.slice(0, limit));
    }
    expect(expected.slice(0, 3).map((row) => [row.providerResourceId, row.total])).toEqual([["tail-40", "191000.0000"], ["tail-39", "177957.0000"], ["tail-38", "164616.0000"]]);
    expect(expected.find((row) => row.providerResourceId === "edge-only")?.total).toBe("150000.0000");
    const { rows, count, cells } = await rankCandidates(db, other.organizationId, { ...(await options(top(5))), cellsOf: totalsAsCells(other.organizationId, period) }) ?? { rows: [], count: null, cells: null };
    expect(strip(rows)).toEqual(expected.slice(0, 5));
    expect(count).toBe(expected.length);
    // The windows' cells come with them, for the windows' objects only.
    expect(cells!.map((cell) => [cell.key, cell.name, cell.cells]).sort()).toEqual(expected.slice(0, 5).map((row) => [row.providerResourceId, row.providerResourceId, row.total]).sort());
  });

  it("counts the objects charged in any period like the full ranking, gaps between months and edge days included", async () => {
    const periods = [period, { from: "2025-02-01", to: "2025-03-31" }, { from: "2025-02-01", to: "2025-02-28" }, { from: "2024-12-30", to: "2025-02-28" }, { from: "2024-12-29", to: "2024-12-31" }, { from: "2025-03-01", to: "2025-03-31" }];
    // Trailing edges (March has charges after the 11th): alone, with a leading edge, and around a single month.
    periods.push({ from: "2025-01-01", to: "2025-03-11" }, { from: "2024-12-29", to: "2025-03-11" }, { from: "2025-01-15", to: "2025-03-11" });
    for (const range of periods) {
      const expected = (await directOf(other.organizationId, range, "desc")).length;
      const split = await planMonthSplit(other.organizationId, range);
      // Deep enough that every list is read whole: the pruned statement answers (and counts) in every period.
      const ask = { period: range, split, filters: null, perConnection: false, windows: top(50), count: true };
      const pruned = await rankCandidates(db, other.organizationId, ask);
      expect(pruned, `${range.from}..${range.to} proved`).not.toBeNull();
      expect(pruned!.count, `${range.from}..${range.to}`).toBe(expected);
      expect((await rankResourceTotals(db, other.organizationId, ask)).count, `${range.from}..${range.to} full`).toBe(expected);
    }
  });

  it("bounds a month covered in part by its dearest days, whose objects are candidates too", async () => {
    // Twenty objects charged i × 100 every day of January and February, and "edgy" at 2,100 a day from January 27th
    // to February 20th: never among a month's 4 highest ceilings (a top 1 reads 4), but first among its dearest days.
    const daily = await seedCostOrganization("Org D");
    const rows: Prisma.CostRecordCreateManyInput[] = [];
    const record = (id: string, date: string, cost: string) => rows.push(selectelRow(daily, id, date, cost));
    for (const [month, days] of [["2025-01", 31], ["2025-02", 28]] as const) {
      for (let date = 1; date <= days; date += 1) {
        const day = `${month}-${String(date).padStart(2, "0")}`;
        for (let index = 1; index <= 20; index += 1) record(`big-${index}`, day, (index * 100).toFixed(4));
        if (day >= "2025-01-27" && day <= "2025-02-20") record("edgy", day, "2100.0000");
      }
    }
    await db.costRecord.createMany({ data: rows });
    await rebuildCostRollups(db, { organizationId: daily.organizationId });
    const ask = async (period: { from: string; to: string }, windows: RankWindow[], perConnection = false) => ({ period, split: await planMonthSplit(daily.organizationId, period), filters: null, perConnection, windows, count: true });
    // January 27–31 is an edge: January's 4th ceiling (52,700) plus February's (47,600) exceed the leader's 66,000;
    // five of January's 4th dearest days (5 × 1,800) plus February's 4th ceiling do not.
    const lateJanuary = { from: "2025-01-27", to: "2025-02-28" };
    for (const perConnection of [false, true]) {
      const ranked = await rankCandidates(db, daily.organizationId, await ask(lateJanuary, top(1), perConnection));
      expect(ranked, `perConnection ${perConnection}`).not.toBeNull();
      expect(ranked!.rows.map((row) => [row.providerResourceId, row.total])).toEqual([["big-20", "66000.0000"]]);
    }
    // Both months in part, each bounded by its dearest days (5 × 1,800 + 20 × 1,800): edgy leads, found by them alone.
    const around = { from: "2025-01-27", to: "2025-02-20" };
    const expected = await directOf(daily.organizationId, around, "desc");
    expect(expected.slice(0, 2).map((row) => [row.providerResourceId, row.total])).toEqual([["edgy", "52500.0000"], ["big-20", "50000.0000"]]);
    const ranked = await rankCandidates(db, daily.organizationId, await ask(around, top(1)));
    expect(ranked).not.toBeNull();
    expect(strip(ranked!.rows)).toEqual(expected.slice(0, 1));
    expect(ranked!.count).toBe(21);
  });

  it("gives way to the full ranking when an object outside every month's top ceilings may still lead", async () => {
    // A steady object never among the top 4 of a month but first over the quarter.
    const steady = await seedCostOrganization("Org C");
    const rows: Prisma.CostRecordCreateManyInput[] = [];
    const record = (id: string, date: string, cost: string) => rows.push(selectelRow(steady, id, date, cost));
    ["2025-01-15", "2025-02-15", "2025-03-15"].forEach((date, month) => {
      for (let spike = 0; spike < 4; spike += 1) record(`spike-${month}-${spike}`, date, "100.0000");
      record("steady", date, "60.0000");
    });
    await db.costRecord.createMany({ data: rows });
    await rebuildCostRollups(db, { organizationId: steady.organizationId });
    const quarter = { from: "2025-01-01", to: "2025-03-31" };
    const split = await planMonthSplit(steady.organizationId, quarter);
    const ask = { period: quarter, split, filters: null, perConnection: true, windows: top(1), count: false, cellsOf: totalsAsCells(steady.organizationId, quarter) };
    expect(await rankCandidates(db, steady.organizationId, ask)).toBeNull();
    const { rows: ranked, cells } = await rankResourceTotals(db, steady.organizationId, ask);
    expect(ranked.map((row) => [row.providerResourceId, row.total])).toEqual([["steady", "180.0000"]]);
    expect(cells).toEqual([{ key: "steady", name: "steady", cells: "180.0000" }]);
  });
});
