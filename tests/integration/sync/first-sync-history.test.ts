import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { startSandboxServer, type RunningSandbox } from "@/server/sandbox/http/start-sandbox-server";
import { getSandbox } from "@/server/sandbox/registry";
import { selectelDemoBuBScenario } from "@/server/sandbox/scenarios/selectel-demo-bu-b";
import { encryptCredentials } from "@/server/security/credentials-cipher";
import { syncConnection } from "@/server/sync/run-billing-first-sync";
import { createUserWithOrganization } from "../helpers/test-callers";
import { truncateAllTables } from "../setup/worker-database";

// A Thursday afternoon in Moscow; the scenario is built relative to it, so its history ends that day.
const NOW = new Date("2026-03-12T11:40:00Z");
const LATER = new Date("2026-03-12T17:40:00Z");
const HISTORY_DAYS = 180;
let sandbox: RunningSandbox | undefined;
let clock = NOW;

async function connectBuB() {
  const definition = getSandbox("selectel");
  const scenario = selectelDemoBuBScenario(NOW);
  sandbox = await startSandboxServer(definition.create(scenario, { now: () => clock }));
  const config = definition.connection(scenario, sandbox.url);
  const { organization } = await createUserWithOrganization();
  const { encrypted, keyId } = encryptCredentials(config.credentials);
  const connection = await db.cloudConnection.create({
    data: { organizationId: organization.id, providerId: "selectel", name: "BU-B", encryptedCredentials: encrypted, credentialsKeyId: keyId, endpointOverrides: config.endpoints, historyDays: HISTORY_DAYS },
  });
  return { connection, apiKey: scenario.auth.apiKeys[0]!, sync: () => syncConnection({ connectionId: connection.id, contextOverrides: { now: () => clock } }) };
}

/** Kopecks per Moscow day straight from the sandbox's consumption API (grouped by project only). */
async function apiDailyTotals(apiKey: string, start: string, end: string): Promise<Map<string, number>> {
  const params = new URLSearchParams({ start, end, group_type: "project", period_group_type: "day" });
  for (const key of ["vpc", "mks", "dbaas", "craas", "storage", "serverless"]) params.append("provider_keys", key);
  const response = await fetch(`${sandbox!.url}/v1/cloud_billing/statistic/consumption?${params}`, { headers: { "X-Token": apiKey } });
  expect(response.status).toBe(200);
  const { data } = (await response.json()) as { data: { period: string; value: number }[] };
  const totals = new Map<string, number>();
  for (const row of data) totals.set(row.period.slice(0, 10), (totals.get(row.period.slice(0, 10)) ?? 0) + row.value);
  return totals;
}

async function storedDailyTotals(connectionId: string): Promise<Map<string, number>> {
  const rows = await db.costRecord.groupBy({ by: ["chargePeriodStart"], where: { connectionId }, _sum: { billedCost: true }, orderBy: { chargePeriodStart: "asc" } });
  return new Map(rows.map((row) => [row.chargePeriodStart.toISOString().slice(0, 10), Math.round(Number(row._sum.billedCost!.toFixed(2)) * 100)]));
}

beforeEach(async () => {
  await truncateAllTables();
  clock = NOW;
});
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

describe("first sync brings history", () => {
  it("collects 180 Moscow days whose totals equal the consumption API's to the kopeck; weekends cost less", async () => {
    const { connection, apiKey, sync } = await connectBuB();
    const result = await sync();
    expect(result.status).toBe("success");

    const stored = await storedDailyTotals(connection.id);
    expect(stored.size).toBe(HISTORY_DAYS);
    const days = [...stored.keys()];
    expect(days[0]).toBe("2025-09-14");
    expect(days.at(-1)).toBe("2026-03-12");
    // The API asked for exactly those Moscow days, up to the sync's last complete hour.
    const api = await apiDailyTotals(apiKey, "2025-09-14T00:00:00", "2026-03-12T14:00:00");
    expect(stored).toEqual(api);

    const fullDays = days.slice(0, -1);
    const weekday = (day: string) => new Date(`${day}T00:00:00Z`).getUTCDay();
    const average = (list: string[]) => list.reduce((sum, day) => sum + stored.get(day)!, 0) / list.length;
    const recent = fullDays.slice(-28);
    expect(average(recent.filter((day) => [0, 6].includes(weekday(day))))).toBeLessThan(0.8 * average(recent.filter((day) => ![0, 6].includes(weekday(day)))));
    // The team grew: the last month costs more than the first.
    expect(average(fullDays.slice(-30))).toBeGreaterThan(1.1 * average(fullDays.slice(0, 30)));

    const run = await db.syncRun.findUniqueOrThrow({ where: { id: result.syncRunId } });
    const billing = (run.phases as { id: string; counts: Record<string, number> }[]).find((phase) => phase.id === "billing")!;
    expect(billing.counts.dailyLines).toBeGreaterThan(5000);
    // Bulk data went through artifacts, which the finished run no longer keeps.
    expect(await db.syncArtifact.count({ where: { syncRunId: result.syncRunId } })).toBe(0);
    expect(JSON.stringify(run.phases).length).toBeLessThan(20_000);
  });

  it("later syncs re-read only the recent days (at least 3) and never remove older rows", async () => {
    const { connection, sync } = await connectBuB();
    expect((await sync()).status).toBe("success");
    const before = await db.costRecord.findMany({ where: { connectionId: connection.id }, select: { id: true, chargePeriodStart: true, billedCost: true } });

    clock = LATER;
    const second = await sync();
    expect(second.status).toBe("success");
    const after = await db.costRecord.findMany({ where: { connectionId: connection.id }, select: { id: true, chargePeriodStart: true, billedCost: true } });
    expect(after).toHaveLength(before.length);

    const changed = after.filter((row) => {
      const old = before.find((candidate) => candidate.id === row.id)!;
      return !old.billedCost.equals(row.billedCost);
    });
    // Only today's rows grew (six more hours); the month before March 1st was not read at all.
    expect(new Set(changed.map((row) => row.chargePeriodStart.toISOString().slice(0, 10)))).toEqual(new Set(["2026-03-12"]));
    const run = await db.syncRun.findUniqueOrThrow({ where: { id: second.syncRunId } });
    const completion = (run.phases as { id: string; counts: Record<string, number> }[]).find((phase) => phase.id === "completion")!;
    expect(completion.counts.costRowsCreated).toBe(0);
    // It matched exactly the rows of March 1–12 (month to date), none older.
    const march = after.filter((row) => row.chargePeriodStart >= new Date("2026-03-01T00:00:00Z"));
    expect(completion.counts.costRowsUnchanged! + completion.counts.costRowsUpdated!).toBe(march.length);
    expect(completion.counts.costRowsUpdated).toBe(changed.length);
    expect(changed.length).toBeGreaterThan(0);
  });
});
