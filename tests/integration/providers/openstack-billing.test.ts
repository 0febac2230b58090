import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BillingLine } from "@/server/providers/contract";
import { isProviderError } from "@/server/providers/errors";
import { openstackPlugin } from "@/server/providers/openstack";
import { dailySpans } from "@/server/providers/openstack/billing-hours";
import { monthlyToHourlyMinor } from "@/server/providers/openstack/decimal-to-minor";
import { OPENSTACK_BASIC_RATE_CARD } from "@/server/sandbox/scenarios/openstack-basic";
import type { OpenStackSandboxRun } from "./openstack-harness";
import { openstackContext, startOpenStackSandbox } from "./openstack-harness";

const NOW = new Date("2026-03-10T12:34:56Z");
const now = () => NOW;

/**
 * Hourly kopecks of production, from the rate card by hand (price × 100 / 720, half up):
 * m1.medium 2400.50 → 333.40 → 333; m1.large 4800 → 666.67 → 667; m1.small 1200 → 166.67 → 167;
 * ssd 12.5/GB: 20 GB → 34.72 → 35, 40 GB → 69.44 → 69, 10 GB → 17.36 → 17;
 * hdd 3.6/GB: 200 GB → 100, 5 GB → 2.5 → 3, 50 GB → 25, 500 GB → 250; floating IP 150 → 20.83 → 21.
 */
const HOURLY: Record<string, number> = {
  "web-1": 333,
  "web-2": 333,
  "db-1": 667,
  "legacy-worker": 167,
  "backup-1": 167,
  "web-1-boot": 35,
  "web-2-boot": 35,
  "db-1-boot": 69,
  "db-1-data": 100,
  "legacy-worker-boot": 17,
  "old-export": 3,
  "backup-1-boot": 25,
  "backup-archive": 250,
  "203.0.113.10": 21,
};
const HOURLY_TOTAL = 2222;

const total = (lines: BillingLine[]) => lines.reduce((sum, line) => sum + line.costMinor, 0);
const byName = (lines: BillingLine[]) => Object.fromEntries(lines.map((line) => [line.resourceName, line]));

describe("generic OpenStack billing from the rate card", () => {
  let run: OpenStackSandboxRun;
  beforeAll(async () => {
    run = await startOpenStackSandbox({ now });
  });
  afterAll(async () => {
    await run.sandbox.close();
  });

  it("converts monthly decimal prices to kopecks per hour exactly, half up", () => {
    expect(monthlyToHourlyMinor("3.60")).toBe(1); // 0.5 kopecks
    expect(monthlyToHourlyMinor("3.59")).toBe(0); // 0.4986
    expect(monthlyToHourlyMinor("3.6", 5)).toBe(3); // 2.5
    expect(monthlyToHourlyMinor("2400.50")).toBe(333);
    expect(monthlyToHourlyMinor("0.0001", 1_000_000)).toBe(14); // 100 roubles → 13.89
    expect(monthlyToHourlyMinor("72000000000000")).toBe(10_000_000_000_000);
    expect(() => monthlyToHourlyMinor("1e3")).toThrow(RangeError);
    expect(() => monthlyToHourlyMinor("-1")).toThrow(RangeError);
  });

  it("bills two whole days to the kopeck, with the latest hour at the current rates", async () => {
    const ctx = openstackContext(run, { now });
    const window = { start: new Date("2026-03-01T00:00:00Z"), end: new Date("2026-03-03T00:00:00Z") };
    const billing = await openstackPlugin.collectBilling!(ctx, window);
    expect(billing.currency).toBe("RUB");

    const hour = billing.latestHour!;
    expect(hour.start.toISOString()).toBe("2026-03-02T23:00:00.000Z");
    expect(hour.end.toISOString()).toBe("2026-03-03T00:00:00.000Z");
    expect(Object.fromEntries(hour.lines.map((line) => [line.resourceName, line.costMinor]))).toEqual(HOURLY);
    expect(total(hour.lines)).toBe(HOURLY_TOTAL);

    const lines = byName(hour.lines);
    expect(lines["legacy-worker"]).toMatchObject({ billingType: "cloud_vm", metric: "flavor", quantity: "1", unit: "hour", region: "RegionOne", parentId: null });
    expect(lines["db-1-data"]).toMatchObject({ billingType: "volume_hdd", parentId: "2f8b4c63-9e5a-4dbc-8a3f-7b8c9d0e1f03", quantity: "200" });
    expect(lines["old-export"]).toMatchObject({ billingType: "volume_hdd", parentId: null, costMinor: 3 });
    expect(lines["203.0.113.10"]).toMatchObject({ billingType: "network_floating_ip", parentId: "0d6f2a41-7c3e-4b9a-8e1d-5f6a7b8c9d01" });
    expect(lines["backup-archive"]).toMatchObject({ region: "RegionTwo", projectName: "production", currency: "RUB" });

    expect(billing.daily).toHaveLength(14 * 2);
    for (const day of ["2026-03-01", "2026-03-02"]) {
      const dayLines = billing.daily.filter((line) => line.periodStart.toISOString().startsWith(day));
      expect(total(dayLines)).toBe(HOURLY_TOTAL * 24); // 53 328
      const named = byName(dayLines);
      expect(named["web-1"]).toMatchObject({ costMinor: 7992, quantity: "24" });
      expect(named["db-1-data"]).toMatchObject({ costMinor: 2400, quantity: "4800" });
      expect(named["old-export"]?.costMinor).toBe(72);
      expect(named["web-1"]?.periodEnd.getTime() - named["web-1"]!.periodStart.getTime()).toBe(24 * 3600_000);
    }
    expect(total(billing.daily)).toBe(106_656);
    expect(billing.daily.every((line) => Number.isInteger(line.costMinor))).toBe(true);
  });

  it("stops today at the last complete hour", async () => {
    const ctx = openstackContext(run, { now });
    const billing = await openstackPlugin.collectBilling!(ctx, { start: new Date("2026-03-10T00:00:00Z"), end: new Date("2026-03-11T00:00:00Z") });
    expect(billing.latestHour?.start.toISOString()).toBe("2026-03-10T11:00:00.000Z");
    expect(total(billing.daily)).toBe(HOURLY_TOTAL * 12);
    expect(byName(billing.daily)["web-1"]).toMatchObject({ costMinor: 3996, quantity: "12" });
  });

  it("starts an object's charges at the hour it was created", () => {
    const window = { start: new Date("2026-03-01T00:00:00Z"), end: new Date("2026-03-03T00:00:00Z") };
    const spans = dailySpans(window, window.end, new Date("2026-03-01T10:00:00Z"));
    expect(spans.map((span) => [span.start.toISOString(), span.hours])).toEqual([
      ["2026-03-01T10:00:00.000Z", 14],
      ["2026-03-02T00:00:00.000Z", 24],
    ]);
  });

  it("bills an unpriced flavor at zero and refuses an invalid rate card", async () => {
    const settings = { ...OPENSTACK_BASIC_RATE_CARD, flavors: { "m1.small": "1200", "m1.medium": "2400.50" } };
    const window = { start: new Date("2026-03-09T00:00:00Z"), end: new Date("2026-03-10T00:00:00Z") };
    const billing = await openstackPlugin.collectBilling!(openstackContext(run, { now, settings }), window);
    expect(byName(billing.latestHour!.lines)["db-1"]).toMatchObject({ costMinor: 0, raw: expect.objectContaining({ priced: false, priceKey: "m1.large" }) });

    const invalidSettings = { ...OPENSTACK_BASIC_RATE_CARD, floatingIp: "1,50" };
    const invalid = await openstackPlugin.collectBilling!(openstackContext(run, { now, settings: invalidSettings }), window).then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(isProviderError(invalid) && invalid.kind).toBe("config");
  });
});
