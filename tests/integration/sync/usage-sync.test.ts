import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { db, Prisma } from "@/server/db";
import { getDashboardOverview } from "@/server/services/dashboard/get-dashboard-overview";
import { UTILIZATION_METRICS } from "@/server/services/dashboard/utilization-metrics";
import { SandboxState, withFaults, type SandboxFaults } from "@/server/sandbox/http/sandbox-faults";
import { startSandboxServer, type RunningSandbox } from "@/server/sandbox/http/start-sandbox-server";
import { fineSamples } from "@/server/sandbox/openstack/server-load-samples";
import { getSandbox } from "@/server/sandbox/registry";
import type { SandboxScenario } from "@/server/sandbox/scenario";
import { openstackBasicScenario } from "@/server/sandbox/scenarios/openstack-basic";
import { MULTI_PROJECT_IDS, selectelMultiProjectScenario } from "@/server/sandbox/scenarios/selectel-multi-project";
import { selectelSeedScenario } from "@/server/sandbox/scenarios/selectel-seed";
import { encryptCredentials } from "@/server/security/credentials-cipher";
import { syncConnection } from "@/server/sync/run-billing-first-sync";
import { createUserWithOrganization } from "../helpers/test-callers";
import { truncateAllTables } from "../setup/worker-database";

// Usage over real HTTP: connection row → plugin → the sandbox's Gnocchi → hourly ResourceMetric rows.
const HOUR = 3_600_000;
const FIRST_NOW = new Date("2025-10-05T10:30:00Z");
let sandbox: RunningSandbox | undefined;

async function connectTo(scenario: SandboxScenario, providerId: "selectel" | "openstack", faults: SandboxFaults = {}) {
  const clock = { now: FIRST_NOW };
  const definition = getSandbox(providerId);
  const state = new SandboxState(faults);
  sandbox = await startSandboxServer(withFaults(definition.create(scenario, { now: () => clock.now }), state, definition.regionOf));
  const config = definition.connection(scenario, sandbox.url);
  const { organization } = await createUserWithOrganization();
  const { encrypted, keyId } = encryptCredentials(config.credentials);
  const connection = await db.cloudConnection.create({
    data: { organizationId: organization.id, providerId, name: scenario.name, encryptedCredentials: encrypted, credentialsKeyId: keyId, endpointOverrides: config.endpoints, settings: config.settings as Prisma.InputJsonObject },
  });
  const sync = () => syncConnection({ connectionId: connection.id, contextOverrides: { now: () => clock.now, http: { backoffBaseMs: 1, maxRetryAfterMs: 20 } } });
  return { connection, state, clock, sync };
}

/** Hourly means of what the sandbox's Gnocchi holds for a server, as the sync must store them. */
function expectedHours(scenario: SandboxScenario, serverId: string, from: Date, to: Date) {
  const server = scenario.servers.find((candidate) => candidate.id === serverId)!;
  const flavor = scenario.flavors.find((candidate) => candidate.id === server.flavorId)!;
  const hours = new Map<string, { cpu: number; ram: number }>();
  for (let hour = from.getTime(); hour < to.getTime(); hour += HOUR) {
    const mean = (metric: "cpu_util" | "memory.usage") => {
      const samples = fineSamples({ server, flavor }, metric, hour, hour + HOUR);
      return samples.reduce((sum, [, value]) => sum + value, 0) / samples.length;
    };
    hours.set(new Date(hour).toISOString(), { cpu: Math.round(mean("cpu_util") * 100) / 100, ram: Math.round((mean("memory.usage") / flavor.ramMb) * 100 * 100) / 100 });
  }
  return hours;
}

async function metricRows(connectionId: string) {
  return db.resourceMetric.findMany({ where: { resource: { connectionId } }, include: { resource: { select: { providerResourceId: true, name: true } } }, orderBy: [{ resourceId: "asc" }, { metric: "asc" }, { timestamp: "asc" }] });
}

const phase = async (syncRunId: string, id = "usage") => ((await db.syncRun.findUniqueOrThrow({ where: { id: syncRunId } })).phases as { id: string; status: string; counts: Record<string, number>; error: string | null }[]).find((entry) => entry.id === id);

beforeEach(truncateAllTables);
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

describe("usage step of the sync", () => {
  it("stores a week of hourly CPU and RAM percent per server on the first sync, exactly the sandbox's hourly means", async () => {
    const { connection, sync } = await connectTo(selectelSeedScenario, "selectel");
    const result = await sync();
    expect(result.status).toBe("success");
    // 10:25 is not settled for 10:00–11:00: the last hour read is 09:00–10:00; a week back from 10:00.
    const end = new Date("2025-10-05T10:00:00Z");
    const start = new Date(end.getTime() - 7 * 24 * HOUR);
    expect(await phase(result.syncRunId)).toMatchObject({ status: "success", counts: { servers: 2, withMetrics: 2, unsupported: 0, rows: 2 * 2 * 168 } });

    const rows = await metricRows(connection.id);
    expect(rows).toHaveLength(2 * 2 * 168);
    expect(new Set(rows.map((row) => row.organizationId))).toEqual(new Set([connection.organizationId]));
    expect(new Set(rows.map((row) => `${row.metric}:${row.unit}`))).toEqual(new Set([`${UTILIZATION_METRICS.cpuPercent}:percent`, `${UTILIZATION_METRICS.ramPercent}:percent`]));
    for (const server of selectelSeedScenario.servers) {
      const expected = expectedHours(selectelSeedScenario, server.id, start, end);
      const mine = rows.filter((row) => row.resource.providerResourceId === server.id);
      const cpu = mine.filter((row) => row.metric === UTILIZATION_METRICS.cpuPercent);
      expect(cpu.map((row) => row.timestamp.toISOString())).toEqual([...expected.keys()]);
      expect(cpu.map((row) => row.value.toFixed(2))).toEqual([...expected.values()].map((hour) => hour.cpu.toFixed(2)));
      expect(mine.filter((row) => row.metric === UTILIZATION_METRICS.ramPercent).map((row) => row.value.toFixed(2))).toEqual([...expected.values()].map((hour) => hour.ram.toFixed(2)));
    }
    // Doreen is busy, Tilly idles: what rightsizing will read.
    const average = (name: string) => {
      const cpu = rows.filter((row) => row.resource.name === name && row.metric === UTILIZATION_METRICS.cpuPercent);
      return cpu.reduce((sum, row) => sum + Number(row.value), 0) / cpu.length;
    };
    expect(average("Doreen")).toBeGreaterThan(30);
    expect(average("Tilly")).toBeLessThan(4);
    // Storage and network have no source: nothing is invented for them.
    expect(await db.resourceMetric.count({ where: { metric: { in: [UTILIZATION_METRICS.storagePercent, UTILIZATION_METRICS.networkBytes] } } })).toBe(0);
  });

  it("feeds the dashboard's utilization card: used CPU and RAM are the period's per-server means averaged over servers, weighted by their vCPU and RAM", async () => {
    const { connection, sync } = await connectTo(selectelSeedScenario, "selectel");
    await sync();
    const { utilization } = await getDashboardOverview(db, connection.organizationId, { range: { preset: "7d" } }, { timezone: "Europe/Moscow", now: FIRST_NOW });
    // 7 days to 2025-10-05 are 2025-09-29 … 2025-10-05: the rows of 28 September stay out.
    const rows = await db.resourceMetric.findMany({ where: { organizationId: connection.organizationId, timestamp: { gte: new Date("2025-09-29T00:00:00Z") } }, include: { resource: { select: { specs: true } } } });
    const meanOverServers = (metric: string) => {
      const byServer = new Map<string, { weight: number; values: number[] }>();
      for (const row of rows.filter((candidate) => candidate.metric === metric)) {
        const specs = row.resource.specs as { vcpus: number; ramMb: number };
        const server = byServer.get(row.resourceId) ?? { weight: metric === UTILIZATION_METRICS.cpuPercent ? specs.vcpus : specs.ramMb, values: [] };
        server.values.push(Number(row.value));
        byServer.set(row.resourceId, server);
      }
      const servers = [...byServer.values()];
      const weighted = servers.reduce((sum, server) => sum + (server.weight * server.values.reduce((total, value) => total + value, 0)) / server.values.length, 0);
      return weighted / servers.reduce((sum, server) => sum + server.weight, 0);
    };
    expect(utilization.resourcesWithMetrics).toBe(2);
    expect(utilization.allocated).toMatchObject({ vcpus: 2, ramGb: 2 });
    expect(Math.abs(utilization.used!.cpuPercent! - meanOverServers(UTILIZATION_METRICS.cpuPercent))).toBeLessThanOrEqual(0.05 + 1e-9);
    expect(Math.abs(utilization.used!.ramPercent! - meanOverServers(UTILIZATION_METRICS.ramPercent))).toBeLessThanOrEqual(0.05 + 1e-9);
    expect(utilization.used).toMatchObject({ storagePercent: null, networkGb: null });
  });

  it("reads only the hours after the last stored one on the next sync, and nothing when no hour has settled since", async () => {
    const { connection, sync, clock, state } = await connectTo(selectelSeedScenario, "selectel");
    await sync();
    const before = await metricRows(connection.id);

    clock.now = new Date(FIRST_NOW.getTime() + HOUR);
    state.reset();
    const second = await sync();
    expect(second.status).toBe("success");
    expect(await phase(second.syncRunId)).toMatchObject({ counts: { servers: 2, withMetrics: 2, rows: 4 } });
    const windows = state.calls.filter((call) => call.path.endsWith("/metric/v1/aggregates")).map((call) => new URLSearchParams(call.search));
    expect(windows).toHaveLength(4);
    // One new hour, 10:00–11:00 (the CPU call opens a sample early for its rate).
    expect(windows.map((query) => query.get("start")).sort()).toEqual(["2025-10-05T09:55:00Z", "2025-10-05T09:55:00Z", "2025-10-05T10:00:00Z", "2025-10-05T10:00:00Z"]);
    expect(windows.every((query) => query.get("stop") === "2025-10-05T11:00:00Z")).toBe(true);
    const after = await metricRows(connection.id);
    expect(after).toHaveLength(before.length + 4);
    // Earlier hours are the same rows with the same values.
    expect(after.filter((row) => row.timestamp < new Date("2025-10-05T10:00:00Z")).map((row) => [row.id, row.value.toFixed(2)])).toEqual(before.map((row) => [row.id, row.value.toFixed(2)]));

    state.reset();
    const third = await sync();
    expect(await phase(third.syncRunId)).toMatchObject({ status: "success", counts: { servers: 0, rows: 0 } });
    expect(state.calls.filter((call) => call.path.includes("/metric/"))).toHaveLength(0);
  });

  it("ends partial with the reason when Gnocchi is down, keeps billing and inventory, and catches up once it is back", async () => {
    const { connection, sync, state } = await connectTo(selectelSeedScenario, "selectel", { serverErrors: { everyNth: 1, status: 503, pathPattern: "/metric/" } });
    const result = await sync();
    expect(result.status).toBe("partial");
    const run = await db.syncRun.findUniqueOrThrow({ where: { id: result.syncRunId } });
    expect(run.error).toMatch(/^usage .*\/ru-3: .*503/);
    expect(await phase(result.syncRunId)).toMatchObject({ status: "success", counts: { servers: 2, withMetrics: 0, rows: 0 } });
    expect(await phase(result.syncRunId, "completion")).toMatchObject({ status: "success" });
    expect(await db.costRecord.count({ where: { connectionId: connection.id } })).toBeGreaterThan(0);
    expect(await db.resource.count({ where: { connectionId: connection.id, resourceType: "server", isActive: true } })).toBe(2);
    expect(await db.cloudConnection.findUniqueOrThrow({ where: { id: connection.id } })).toMatchObject({ status: "active", statusMessage: expect.stringContaining("usage") });
    expect(await db.resourceMetric.count()).toBe(0);

    state.faults = {};
    const healed = await sync();
    expect(healed.status).toBe("success");
    expect(await db.resourceMetric.count()).toBe(2 * 2 * 168);
  });

  it("asks only live servers: a zombie has no metrics to read", async () => {
    const { connection, sync, state } = await connectTo(selectelMultiProjectScenario, "selectel");
    const result = await sync();
    expect(result.status).toBe("success");
    const asked = new Set(state.calls.filter((call) => call.path.endsWith("/aggregates")).map((call) => call.path));
    expect(asked).toEqual(new Set(["/ru-3/metric/v1/aggregates", "/ru-8/metric/v1/aggregates"]));
    const named = async (name: string) => db.resourceMetric.count({ where: { resource: { connectionId: connection.id, name } } });
    expect(await named("Winona")).toBe(2 * 168);
    expect(await named("Rhiannon")).toBe(2 * 168);
    expect(await named("Annemarie")).toBe(0);
    expect(MULTI_PROJECT_IDS.annemarie).toBeTruthy();
  });

  it("on generic OpenStack reads the region with Gnocchi and counts the one without as unsupported, not failed", async () => {
    const { connection, sync } = await connectTo(openstackBasicScenario, "openstack");
    const result = await sync();
    expect(result.status).toBe("success");
    // web-1, web-2, db-1 and legacy-worker (SHUTOFF: nothing to read) in RegionOne; backup-1 in RegionTwo has no metric service.
    expect(await phase(result.syncRunId)).toMatchObject({ status: "success", counts: { servers: 5, withMetrics: 3, unsupported: 1 } });
    const names = await db.resourceMetric.groupBy({ by: ["resourceId"], where: { resource: { connectionId: connection.id } }, _count: true });
    const resources = await db.resource.findMany({ where: { id: { in: names.map((row) => row.resourceId) } }, select: { name: true } });
    expect(resources.map((resource) => resource.name).sort()).toEqual(["db-1", "web-1", "web-2"]);
  });
});
