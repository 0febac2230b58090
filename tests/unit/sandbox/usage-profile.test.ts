import { describe, expect, it } from "vitest";
import type { SandboxScenario, ScenarioBillingObject } from "@/server/sandbox/scenario";
import { indexBilling } from "@/server/sandbox/selectel/billing-index";
import type { ConsumptionQuery, PeriodGroupType } from "@/server/sandbox/selectel/consumption-params";
import { buildConsumptionRows } from "@/server/sandbox/selectel/consumption-rows";
import { compileUsageProfile, hourCharge, hourQuantity } from "@/server/sandbox/selectel/usage-profile";
import { parseDecimal } from "@/server/sandbox/selectel/decimal-quantity";

const HOUR = 3_600_000;
/** Monday 2026-03-02 00:00 Moscow = 2026-03-01T21:00Z. */
const MONDAY_MSK = Date.parse("2026-03-01T21:00:00Z");
const at = (day: number, hour: number) => MONDAY_MSK + (day * 24 + hour) * HOUR;

describe("usage profile maths", () => {
  it("rounds each hour's charge half up from an integer factor in thousandths", () => {
    expect(hourCharge(62, 1000)).toBe(62);
    expect(hourCharge(5, 500)).toBe(3); // 2.5 → 3
    expect(hourCharge(3, 500)).toBe(2); // 1.5 → 2
    expect(hourCharge(7, 300)).toBe(2); // 2.1 → 2
    expect(hourCharge(62, 0)).toBe(0);
    expect(hourQuantity(parseDecimal("1024"), 250)).toBe(parseDecimal("256"));
  });

  it("applies weekday factors by the Moscow calendar, Monday first", () => {
    const factor = compileUsageProfile({ weekdays: [1, 1.1, 1, 1, 1, 0.6, 0.5] });
    expect(factor(at(0, 0))).toBe(1000);
    expect(factor(at(1, 12))).toBe(1100);
    expect(factor(at(5, 23))).toBe(600);
    expect(factor(at(6, 0))).toBe(500);
    // 20:00 UTC on Sunday is 23:00 Sunday in Moscow; 21:00 UTC is already Monday.
    expect(factor(MONDAY_MSK - HOUR)).toBe(500);
    expect(factor(MONDAY_MSK)).toBe(1000);
  });

  it("bills a schedule only inside its Moscow hours on its weekdays", () => {
    const factor = compileUsageProfile({ schedule: { weekdays: [1, 2, 3, 4, 5], fromHour: 8, toHour: 20 } });
    expect(factor(at(0, 7))).toBe(0);
    expect(factor(at(0, 8))).toBe(1000);
    expect(factor(at(0, 19))).toBe(1000);
    expect(factor(at(0, 20))).toBe(0);
    expect(factor(at(5, 12))).toBe(0);
    const weekHours = Array.from({ length: 7 * 24 }, (_, hour) => factor(MONDAY_MSK + hour * HOUR)).filter((value) => value > 0);
    expect(weekHours).toHaveLength(5 * 12);
  });

  it("grows linearly from its anchor, never below zero, and multiplies spikes in", () => {
    const anchor = new Date(at(10, 0)).toISOString();
    const factor = compileUsageProfile({
      trend: { anchor, perDay: 0.01 },
      spikes: [{ from: new Date(at(3, 10)).toISOString(), until: new Date(at(3, 12)).toISOString(), factor: 3 }],
    });
    expect(factor(at(10, 0))).toBe(1000);
    expect(factor(at(0, 0))).toBe(900);
    expect(factor(at(20, 0))).toBe(1100);
    expect(factor(at(10, 0) - 200 * 24 * HOUR)).toBe(0);
    // 6 days 15 hours before the anchor: 1 − 0.01 × 6.625 = 0.93375 → 0.934.
    expect(factor(at(3, 9))).toBe(934);
    expect(factor(at(3, 10))).toBe(Math.round(3 * (1 - 0.01 * (7 - 10 / 24)) * 1000));
    expect(factor(at(3, 12))).toBe(Math.round((1 - 0.01 * (7 - 12 / 24)) * 1000));
  });

  it("rejects a profile without seven weekday factors", () => {
    expect(() => compileUsageProfile({ weekdays: [1, 1] })).toThrow(/7 weekday factors/);
  });
});

function scenarioWith(billing: ScenarioBillingObject[]): SandboxScenario {
  return {
    name: "profiles",
    description: "",
    account: { id: "1", name: "1", balanceKopecks: 0, daysLeft: null },
    auth: { apiKeys: [], users: [] },
    projects: [{ id: "p", name: "P" }],
    regions: [],
    flavors: [],
    servers: [],
    volumes: [],
    billing,
  };
}

const vm = (id: string, usage?: ScenarioBillingObject["usage"]): ScenarioBillingObject => ({
  id,
  name: id,
  type: "cloud_vm",
  projectId: "p",
  region: "ru-3a",
  billedFrom: new Date(at(-3, 5)).toISOString(),
  usage,
  metrics: [
    { id: "compute_cores", name: "vCPU", unit: "item", quantityPerHour: "3", kopecksPerHour: 187 },
    { id: "compute_ram", name: "RAM", unit: "MB", quantityPerHour: "1536", kopecksPerHour: 51, usage: { weekdays: [0.33, 0.77, 1, 1, 1, 0.5, 0.25] } },
  ],
});

describe("consumption buckets with usage profiles", () => {
  const objects = indexBilling(
    scenarioWith([
      vm("steady"),
      vm("busy", {
        weekdays: [1.07, 1.13, 1.1, 1.05, 0.97, 0.61, 0.55],
        trend: { anchor: new Date(at(14, 0)).toISOString(), perDay: 0.013 },
        spikes: [{ from: new Date(at(9, 10)).toISOString(), until: new Date(at(10, 2)).toISOString(), factor: 3.7 }],
      }),
      vm("ci", { schedule: { weekdays: [1, 2, 3, 4, 5], fromHour: 8, toHour: 20 } }),
    ]),
  );
  const now = at(31, 13) + 17 * 60_000;
  const query = (periodGroupType: PeriodGroupType): ConsumptionQuery => ({
    providerKeys: new Set(["vpc"]),
    from: at(-5, 0),
    to: at(32, 0),
    groupType: "object_metric",
    periodGroupType,
    locale: "en",
  });
  const totals = (periodGroupType: PeriodGroupType) => {
    const sums = new Map<string, number>();
    for (const row of buildConsumptionRows("1", objects, query(periodGroupType), now)) {
      const key = `${row.object!.id}|${row.metric!.id}`;
      sums.set(key, (sums.get(key) ?? 0) + row.value);
    }
    return sums;
  };

  it("sums hours, days, weeks, months and the whole range to the same kopecks per object and metric", () => {
    const hourly = totals("hour");
    expect(hourly.size).toBe(6);
    for (const type of ["day", "week", "month", "all"] as const) expect(totals(type)).toEqual(hourly);
  });

  it("makes each day bucket the sum of its hours", () => {
    const rows = buildConsumptionRows("1", objects, query("hour"), now);
    const byDay = new Map<string, number>();
    for (const row of rows) if (row.object!.id === "busy") byDay.set(row.period.slice(0, 10), (byDay.get(row.period.slice(0, 10)) ?? 0) + row.value);
    const days = buildConsumptionRows("1", objects, query("day"), now).filter((row) => row.object!.id === "busy");
    const dayTotals = new Map<string, number>();
    for (const row of days) dayTotals.set(row.period.slice(0, 10), (dayTotals.get(row.period.slice(0, 10)) ?? 0) + row.value);
    expect(dayTotals).toEqual(byDay);
    expect(Number.isInteger([...dayTotals.values()].reduce((sum, value) => sum + value, 0))).toBe(true);
  });

  it("omits rows for hours a schedule does not bill, and keeps objects without a profile flat", () => {
    const days = buildConsumptionRows("1", objects, query("day"), now);
    const ciDays = days.filter((row) => row.object!.id === "ci" && row.metric!.id === "compute_cores");
    // A full weekday is 12 scheduled hours; weekends have no row at all.
    expect(ciDays.every((row) => row.value === 12 * 187 || row.value < 12 * 187)).toBe(true);
    expect(ciDays.some((row) => row.value === 12 * 187)).toBe(true);
    const weekend = ciDays.filter((row) => [0, 6].includes(new Date(`${row.period.slice(0, 10)}T00:00:00Z`).getUTCDay()));
    expect(weekend).toEqual([]);
    const steady = days.filter((row) => row.object!.id === "steady" && row.metric!.id === "compute_cores");
    expect(steady.filter((row) => row.value === 24 * 187).length).toBeGreaterThan(30);
    expect(steady.find((row) => row.value === 24 * 187)!.metric!.quantity).toBe("72");
  });
});
