import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { truncateAllTables } from "../setup/worker-database";
import { callerFor } from "../helpers/test-callers";
import { NOW, seedCostOrganization } from "./cost-fixtures";

let org: Awaited<ReturnType<typeof seedCostOrganization>>;

beforeAll(async () => {
  await truncateAllTables();
  org = await seedCostOrganization("Forecasts");
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(NOW);
});
afterAll(() => {
  vi.useRealTimers();
});

describe("costExplorer.monthForecast", () => {
  it("equals the dashboard's forecast to the kopeck without filters", async () => {
    const [forecast, overview] = await Promise.all([org.caller.costExplorer.monthForecast({}), org.caller.dashboard.overview({ range: { preset: "30d" } })]);
    expect(forecast).toEqual({
      currency: "RUB",
      today: "2025-10-15",
      monthStart: "2025-10-01",
      monthEnd: "2025-10-31",
      daysLeft: 17,
      baseDays: 7,
      monthToDate: overview.kpis.monthToDate,
      forecast: overview.kpis.monthForecast,
      previousMonth: { start: "2025-09-01", end: "2025-09-30", total: "0.00" },
    });
    expect(forecast.forecast).toBe("582.96");
  });

  it("projects a filtered scope from exact sums, rounding once", async () => {
    // Project p1: web-1 10.0000 a day (10-02…10-14 without 10-12: 120) and disk-1 2.5050 a day (10-09…: 12.525).
    // Complete days 132.525 + base 72.525 / 7 × 17 days left = 308.657… → 308.66 (rounded inputs would give 308.67).
    const p1 = await org.caller.costExplorer.monthForecast({ filters: { projects: ["p1"] } });
    expect(p1).toMatchObject({ monthToDate: "145.03", forecast: "308.66" });

    const openstack = await org.caller.costExplorer.monthForecast({ filters: { connectionIds: [org.openstack.id] } });
    expect(openstack).toMatchObject({ monthToDate: "30.00", forecast: "85.71", previousMonth: { total: "0.00" } });
  });

  it("forecasts as of a given day, and says nothing where nothing was billed", async () => {
    const early = await org.caller.costExplorer.monthForecast({ asOf: "2025-10-05" });
    // 10-02…10-04 billed 30.00; base 09-28…10-04 = 30.00 → 30 + 30 / 7 × 27 = 145.714…
    expect(early).toMatchObject({ today: "2025-10-05", monthToDate: "40.00", daysLeft: 27, forecast: "145.71" });
    const empty = await org.caller.costExplorer.monthForecast({ filters: { services: ["nothing-here"] } });
    expect(empty).toMatchObject({ monthToDate: "0.00", forecast: null });
    await expect(callerFor(null).costExplorer.monthForecast({})).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});
