import { describe, expect, it } from "vitest";
import { createSelectelSandbox } from "@/server/sandbox/selectel";
import type { SandboxScenario } from "@/server/sandbox/scenario";
import { DEMO_BU_A_MONTHLY_RUB, selectelDemoBuAScenario } from "@/server/sandbox/scenarios/selectel-demo-bu-a";
import { DEMO_BU_B_MONTHLY_RUB, selectelDemoBuBScenario } from "@/server/sandbox/scenarios/selectel-demo-bu-b";
import { normalizeResourceType } from "@/server/sync/normalize/normalize-resource-type";

const DAY = 86_400_000;
const PROVIDER_KEYS = ["vpc", "mks", "dbaas", "craas", "storage", "serverless"];
const naive = (epochMs: number) => new Date(epochMs + 3 * 3_600_000).toISOString().slice(0, 19);

/** Kopecks over the 30 whole Moscow days before `now`'s day, as the consumption API reports them. */
async function lastThirtyDays(scenario: SandboxScenario, now: Date): Promise<number> {
  const sandbox = createSelectelSandbox(scenario, { now: () => now });
  const moscowMidnight = Math.floor((now.getTime() + 3 * 3_600_000) / DAY) * DAY - 3 * 3_600_000;
  const params = new URLSearchParams({ start: naive(moscowMidnight - 30 * DAY), end: naive(moscowMidnight - 3_600_000), group_type: "project", period_group_type: "all" });
  for (const key of PROVIDER_KEYS) params.append("provider_keys", key);
  const response = await sandbox(new Request(`http://sandbox.test/v1/cloud_billing/statistic/consumption?${params}`, { headers: { "X-Token": scenario.auth.apiKeys[0]! } }));
  expect(response.status).toBe(200);
  const { data } = (await response.json()) as { data: { value: number }[] };
  return data.reduce((sum, row) => sum + row.value, 0);
}

// Two weeks of "today"s: every weekday phase of the 30-day window.
const NOWS = Array.from({ length: 14 }, (_, index) => new Date(Date.UTC(2026, 2, 2 + index, 9, 15)));

describe("demo scenarios", () => {
  it.each([
    ["BU-A", selectelDemoBuAScenario, DEMO_BU_A_MONTHLY_RUB],
    ["BU-B", selectelDemoBuBScenario, DEMO_BU_B_MONTHLY_RUB],
  ] as const)("%s costs its stated monthly total (±1.5 %%) over the last 30 days, whatever the day", async (_name, make, monthlyRub) => {
    for (const now of NOWS) {
      const kopecks = await lastThirtyDays(make(now), now);
      expect(Number.isInteger(kopecks)).toBe(true);
      expect(Math.abs(kopecks / 100 - monthlyRub) / monthlyRub).toBeLessThan(0.015);
    }
  });

  it("is deterministic for a day, and its history ends today", () => {
    const now = new Date("2026-03-12T09:00:00Z");
    expect(selectelDemoBuBScenario(now)).toEqual(selectelDemoBuBScenario(new Date("2026-03-12T18:00:00Z")));
    const starts = selectelDemoBuAScenario(now).billing.map((object) => Date.parse(object.billedFrom!));
    expect(Math.max(...starts)).toBeLessThan(now.getTime());
    // Resources appear across the half-year, so the trend grows; the oldest predate it, so day one is not empty.
    expect(starts.filter((start) => start > now.getTime() - 180 * DAY).length).toBeGreaterThan(4);
    expect(starts.some((start) => start < now.getTime() - 180 * DAY)).toBe(true);
  });

  it("uses only billing types the sync knows, plus exactly one it does not", () => {
    for (const scenario of [selectelDemoBuAScenario(), selectelDemoBuBScenario()]) {
      const unknown = scenario.billing.filter((object) => normalizeResourceType(object.type) === null).map((object) => object.type);
      expect(unknown).toEqual(scenario.name.endsWith("bu-b") ? ["ml_notebook_gpu"] : []);
      expect(new Set(scenario.billing.map((object) => object.projectId)).size).toBe(3);
      expect(scenario.regions.length).toBeGreaterThanOrEqual(2);
    }
    expect(selectelDemoBuBScenario().account.daysLeft).toBeLessThan(30);
  });
});
