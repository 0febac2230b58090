import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import type { DateRangeInput } from "@/server/services/costs/cost-query-contract";
import { getDashboardOverview } from "@/server/services/dashboard/get-dashboard-overview";
import { UTILIZATION_METRICS } from "@/server/services/dashboard/utilization-metrics";
import { truncateAllTables } from "../setup/worker-database";
import { chargeWebOnOctoberFirst, MOSCOW, SELECTEL_NAME, seedCostOrganization } from "./cost-fixtures";

let org: Awaited<ReturnType<typeof seedCostOrganization>>;

beforeAll(async () => {
  await truncateAllTables();
  org = await seedCostOrganization();
});

const overview = (range: DateRangeInput, clock = MOSCOW) => getDashboardOverview(db, org.organizationId, { range }, clock);

describe("dashboard.overview KPIs", () => {
  it("sums the 7-day period and compares it with the 7 days before, rounding half-up", async () => {
    const result = await overview({ preset: "7d" });
    expect(result.period).toEqual({ from: "2025-10-09", to: "2025-10-15", days: 7 });
    expect(result.previousPeriod).toEqual({ from: "2025-10-02", to: "2025-10-08", days: 7 });
    // 60 + 6 × 2.5050 + 55 + 0.0050 + 30 = 160.0350 → 160.04
    expect(result.kpis).toMatchObject({ totalSpend: "160.04", previousSpend: "70.00", changePercent: "128.6", potentialSavings: "0.00" });
    expect(result).toMatchObject({ currency: "RUB", timezone: "Europe/Moscow" });
  });

  it("has no change percent when the previous period had no spend", async () => {
    const result = await overview({ preset: "30d" });
    expect(result.period).toEqual({ from: "2025-09-16", to: "2025-10-15", days: 30 });
    expect(result.kpis).toMatchObject({ totalSpend: "230.04", previousSpend: "0.00", changePercent: null });
  });

  it("forecasts the month from month-to-date plus the last 7 complete days' pace, whatever the selected range", async () => {
    const result = await overview({ from: "2025-01-01", to: "2025-01-31" });
    // MTD 230.035 of which today (the 15th, still being billed) 17.505; complete days 212.53 + days 10-08…10-14
    // (152.53 → 21.79 a day) × 17 days left counting today (15th…31st) = 370.43 → 582.96
    expect(result.kpis).toMatchObject({ monthToDate: "230.04", monthForecast: "582.96", monthStart: "2025-10-01", monthEnd: "2025-10-31", totalSpend: "0.00" });
  });

  it("gives no forecast to an organization without any cost data", async () => {
    const empty = await seedEmptyOrganization();
    const result = await getDashboardOverview(db, empty, { range: { preset: "7d" } }, MOSCOW);
    expect(result.kpis).toMatchObject({ monthToDate: "0.00", monthForecast: null, totalSpend: "0.00", activeResources: 0, connections: 0, connectedProviders: 0 });
    expect(result.byService).toEqual([]);
    expect(result.topResources).toEqual([]);
    expect(result.trend.points).toHaveLength(7);
  });

  it("counts active cloud resources (not account/project rows, not closed ones), providers and connections", async () => {
    const result = await overview({ preset: "7d" });
    expect(result.kpis).toMatchObject({ activeResources: 3, connectedProviders: 2, connections: 2 });
  });
});

async function seedEmptyOrganization() {
  const organization = await db.organization.create({ data: { name: "Empty", slug: `empty-${Date.now()}` } });
  return organization.id;
}

describe("dashboard.overview charts and lists", () => {
  it("has every day in the trend with a column per provider, zero on a day without charges", async () => {
    const { trend } = await overview({ preset: "7d" });
    expect(trend.providers).toEqual([{ id: "openstack", name: "OpenStack" }, { id: "selectel", name: "Selectel" }]);
    expect(trend.points.map((point) => point.date)).toEqual(["2025-10-09", "2025-10-10", "2025-10-11", "2025-10-12", "2025-10-13", "2025-10-14", "2025-10-15"]);
    expect(trend.points[3]).toEqual({ date: "2025-10-12", costs: { openstack: "0.00", selectel: "0.00" } });
    // 10 + 2.505 + 55 = 67.505 → 67.51 half-up (half-even would give 67.50)
    expect(trend.points[1]).toEqual({ date: "2025-10-10", costs: { openstack: "5.00", selectel: "67.51" } });
  });

  it("keeps the 8 largest services and folds the rest and charges without a service into other", async () => {
    const { byService } = await overview({ preset: "7d" });
    expect(byService).toEqual([
      { service: "Compute", cost: "90.00" },
      { service: "Storage", cost: "15.03" },
      { service: "S10", cost: "10.00" },
      { service: "S09", cost: "9.00" },
      { service: "S08", cost: "8.00" },
      { service: "S07", cost: "7.00" },
      { service: "S06", cost: "6.00" },
      { service: "S05", cost: "5.00" },
      { service: null, cost: "10.01" },
    ]);
  });

  it("lists the 10 most expensive resources across connections with names from the cost records", async () => {
    const { topResources } = await overview({ preset: "7d" });
    expect(topResources).toHaveLength(10);
    expect(topResources.slice(0, 4)).toEqual([
      { resourceId: org.web.id, providerResourceId: "web-1", name: "web-1", resourceType: "server", connectionId: org.selectel.id, connectionName: SELECTEL_NAME, cost: "60.00" },
      { resourceId: org.db1.id, providerResourceId: "db-1", name: "db-1", resourceType: "server", connectionId: org.openstack.id, connectionName: "OpenStack lab", cost: "30.00" },
      { resourceId: null, providerResourceId: "disk-1", name: "disk-1", resourceType: "volume", connectionId: org.selectel.id, connectionName: SELECTEL_NAME, cost: "15.03" },
      { resourceId: null, providerResourceId: "s10", name: "s10", resourceType: "misc", connectionId: org.selectel.id, connectionName: SELECTEL_NAME, cost: "10.00" },
    ]);
    expect(topResources.map((resource) => resource.providerResourceId).slice(4)).toEqual(["s9", "s8", "s7", "s6", "s5", "s4"]);
  });

  it("ranks from the period's remembered split facts only while they hold", async () => {
    const recalled = await seedCostOrganization("Recall dashboard");
    const range = { from: "2025-10-02", to: "2025-10-31" };
    const top = async () => (await getDashboardOverview(db, recalled.organizationId, { range }, MOSCOW)).topResources.slice(0, 2).map((resource) => [resource.providerResourceId, resource.cost]);
    expect(await top()).toEqual([["web-1", "130.00"], ["db-1", "30.00"]]);
    expect(await top()).toEqual([["web-1", "130.00"], ["db-1", "30.00"]]);
    // web-1 billed on October 1st too: October is no longer whole in the period, its monthly rollup must not answer.
    await chargeWebOnOctoberFirst(recalled);
    expect(await top()).toEqual([["web-1", "130.00"], ["db-1", "30.00"]]);
  });

  it("reports each connection's health with the account's days left and the period's cost", async () => {
    const { connectionHealth } = await overview({ preset: "7d" });
    expect(connectionHealth).toEqual([
      {
        id: org.selectel.id, name: SELECTEL_NAME, providerId: "selectel", providerName: "Selectel", status: "active", statusMessage: null,
        lastSyncAt: "2025-10-15T06:00:00.000Z", lastSuccessfulSyncAt: "2025-10-15T06:00:00.000Z", balance: "1500.50", balanceCurrency: "RUB", daysLeft: 42,
        // 60 + 15.03 + 55 + 0.005 = 130.035
        periodCost: "130.04", resourceCount: 3,
      },
      {
        id: org.openstack.id, name: "OpenStack lab", providerId: "openstack", providerName: "OpenStack", status: "active", statusMessage: null,
        lastSyncAt: null, lastSuccessfulSyncAt: null, balance: null, balanceCurrency: null, daysLeft: null, periodCost: "30.00", resourceCount: 1,
      },
    ]);
  });
});

describe("dashboard.overview utilization", () => {
  it("sums allocated capacity of active resources and has no usage without metrics", async () => {
    const { utilization } = await overview({ preset: "7d" });
    // vCPU 2 + 4; RAM 4096 MB + 8 GB; storage 20 + 100 + 50 (the account row and the closed VM do not count)
    expect(utilization).toEqual({ allocated: { vcpus: 6, ramGb: 12, storageGb: 170 }, used: null, resourcesWithMetrics: 0 });
  });

  it("averages collected metrics per resource over the period, weighted by capacity, and sums network traffic", async () => {
    const closed = await db.resource.findFirstOrThrow({ where: { organizationId: org.organizationId, isActive: false } });
    const metric = (resourceId: string, name: string, timestamp: string, value: string, unit = "percent") => ({ organizationId: org.organizationId, resourceId, metric: name, unit, timestamp: new Date(timestamp), value });
    await db.resourceMetric.createMany({
      data: [
        metric(org.web.id, UTILIZATION_METRICS.cpuPercent, "2025-10-10T10:00:00Z", "20"),
        metric(org.web.id, UTILIZATION_METRICS.cpuPercent, "2025-10-11T10:00:00Z", "40"),
        metric(org.db1.id, UTILIZATION_METRICS.cpuPercent, "2025-10-14T10:00:00Z", "50"),
        metric(org.web.id, UTILIZATION_METRICS.ramPercent, "2025-10-14T10:00:00Z", "60"),
        metric(org.web.id, UTILIZATION_METRICS.networkBytes, "2025-10-14T10:00:00Z", String(2 * 1024 ** 3), "bytes"),
        // Outside the period, and on a closed resource: ignored.
        metric(org.web.id, UTILIZATION_METRICS.cpuPercent, "2025-10-01T10:00:00Z", "100"),
        metric(closed.id, UTILIZATION_METRICS.cpuPercent, "2025-10-14T10:00:00Z", "100"),
      ],
    });
    try {
      const { utilization } = await overview({ preset: "7d" });
      // web (2 vCPU) averages 30, db-1 (4 vCPU) 50 → (2·30 + 4·50) / 6 = 43.3 %, 2.6 of 6 vCPU busy; RAM only web
      // (4 GB at 60 %); storage never collected.
      expect(utilization.used).toEqual({
        cpuPercent: 43.3, ramPercent: 60, storagePercent: null, networkGb: 2,
        cpu: { busyVcpus: 2.6, vcpus: 6 }, ram: { usedGb: 2.4, ramGb: 4 },
      });
      expect(utilization.resourcesWithMetrics).toBe(2);
    } finally {
      await db.resourceMetric.deleteMany({ where: { organizationId: org.organizationId } });
    }
  });
});

describe("dashboard presets follow the user's timezone", () => {
  it("ends a preset on the user's today: past midnight in Vladivostok it is still yesterday in Moscow", async () => {
    const lateEvening = new Date("2025-10-15T20:30:00Z"); // 23:30 in Moscow, 06:30 next morning in Vladivostok
    const moscow = await overview({ preset: "7d" }, { timezone: "Europe/Moscow", now: lateEvening });
    const vladivostok = await overview({ preset: "7d" }, { timezone: "Asia/Vladivostok", now: lateEvening });
    expect(moscow.period).toEqual({ from: "2025-10-09", to: "2025-10-15", days: 7 });
    expect(vladivostok.period).toEqual({ from: "2025-10-10", to: "2025-10-16", days: 7 });
    expect(vladivostok.kpis.totalSpend).toBe("142.53"); // the 9th (17.505 + 5) drops out
    expect(vladivostok.timezone).toBe("Asia/Vladivostok");
  });
});
