import { afterEach, describe, expect, it } from "vitest";
import type { UsageRequest } from "@/server/providers/contract";
import { openstackPlugin } from "@/server/providers/openstack";
import { SandboxState, withFaults } from "@/server/sandbox/http/sandbox-faults";
import { startSandboxServer } from "@/server/sandbox/http/start-sandbox-server";
import { createOpenStackSandbox, regionOf } from "@/server/sandbox/openstack";
import { fineSamples } from "@/server/sandbox/openstack/server-load-samples";
import { OPENSTACK_BASIC_PROJECTS, openstackBasicScenario } from "@/server/sandbox/scenarios/openstack-basic";
import { callsMatching, openstackContext, productionScope, startOpenStackSandbox, type OpenStackSandboxRun } from "./openstack-harness";

const NOW = new Date("2025-10-05T10:30:00Z");
const START = new Date("2025-10-04T10:00:00Z");
const END = new Date("2025-10-05T10:00:00Z");
const production = openstackBasicScenario.servers.filter((server) => server.projectId === OPENSTACK_BASIC_PROJECTS.production.id);
const request: UsageRequest = { end: END, servers: production.map((server) => ({ id: server.id, projectId: server.projectId, region: server.region, start: START })) };
const named = (name: string) => openstackBasicScenario.servers.find((server) => server.name === name)!;

let run: OpenStackSandboxRun | undefined;
afterEach(async () => {
  await run?.sandbox.close();
  run = undefined;
});

describe("generic OpenStack usage", () => {
  it("reads Gnocchi where the catalog has a metric service and skips the region that has none", async () => {
    run = await startOpenStackSandbox({ now: () => NOW });
    const snapshot = await openstackPlugin.collectUsage!(openstackContext(run, { now: () => NOW }), request);
    expect(snapshot.failures).toEqual([]);
    expect(snapshot.unsupported).toEqual([{ projectId: OPENSTACK_BASIC_PROJECTS.production.id, region: "RegionTwo", servers: 1 }]);
    // web-1, web-2 and db-1 run in RegionOne; legacy-worker is SHUTOFF, so Gnocchi has nothing for it.
    expect(snapshot.servers.map((server) => server.serverId).sort()).toEqual([named("web-1").id, named("web-2").id, named("db-1").id].sort());
    const db = snapshot.servers.find((server) => server.serverId === named("db-1").id)!;
    const flavor = openstackBasicScenario.flavors.find((candidate) => candidate.id === named("db-1").flavorId);
    expect(db.cpuPercent).toHaveLength(24 * 12);
    expect(db.cpuPercent).toEqual(fineSamples({ server: named("db-1"), flavor }, "cpu_util", START.getTime(), END.getTime()));
    expect(db.ramMb).toEqual(fineSamples({ server: named("db-1"), flavor }, "memory.usage", START.getTime(), END.getTime()));
    expect(callsMatching(run.state, /RegionTwo\/metric/)).toHaveLength(0);
  });

  it("skips quietly on a cloud without telemetry: no metric service, no calls, no failure", async () => {
    const state = new SandboxState();
    const sandbox = await startSandboxServer(withFaults(createOpenStackSandbox({ ...openstackBasicScenario, telemetry: undefined }, { now: () => NOW }), state, regionOf));
    run = { sandbox, state, authUrl: `${sandbox.url}/identity/v3` };
    const snapshot = await openstackPlugin.collectUsage!(openstackContext(run, { now: () => NOW }), request);
    expect(snapshot.servers).toEqual([]);
    expect(snapshot.failures).toEqual([]);
    expect(snapshot.unsupported.map((scope) => [scope.region, scope.servers]).sort()).toEqual([["RegionOne", 4], ["RegionTwo", 1]]);
    expect(callsMatching(state, /\/metric\//)).toHaveLength(0);
    // Nothing answers there either: the metric path of a cloud without Gnocchi is 404.
    expect((await fetch(`${sandbox.url}/RegionOne/metric/v1/aggregates`, { method: "POST" })).status).toBe(404);
  });

  it("records a Gnocchi that answers 5xx as a failure of its region instead of throwing", async () => {
    run = await startOpenStackSandbox({ now: () => NOW });
    run.state.faults = { serverErrors: { everyNth: 1, status: 503, pathPattern: "/metric/" } };
    const snapshot = await openstackPlugin.collectUsage!(openstackContext(run, { now: () => NOW }), request);
    expect(snapshot.servers).toEqual([]);
    expect(snapshot.failures).toEqual([{ projectId: OPENSTACK_BASIC_PROJECTS.production.id, region: "RegionOne", error: expect.stringContaining("503") }]);
  });

  it("speaks Gnocchi on the wire: both answer shapes, its error envelope, and a project's token sees only its servers", async () => {
    run = await startOpenStackSandbox({ now: () => NOW });
    const { token } = await productionScope(openstackContext(run, { now: () => NOW }), run, "RegionOne");
    const aggregates = (query: string, body: unknown, auth = token) =>
      fetch(`${run!.sandbox.url}/RegionOne/metric/v1/aggregates?${query}`, { method: "POST", headers: { "content-type": "application/json", "x-auth-token": auth }, body: JSON.stringify(body) });
    const window = "details=false&granularity=300&start=2025-10-05T08:00:00Z&stop=2025-10-05T08:15:00Z";
    const db = named("db-1");

    const memory = await aggregates(window, { operations: "(metric memory.usage mean)", search: `id=${db.id}`, resource_type: "generic" });
    expect(memory.status).toBe(200);
    const memoryBody = (await memory.json()) as { measures: Record<string, { "memory.usage": { mean: [string, number, number][] } }> };
    expect(memoryBody.measures[db.id]!["memory.usage"].mean.map(([at, granularity]) => [at, granularity])).toEqual([
      ["2025-10-05T08:00:00+00:00", 300],
      ["2025-10-05T08:05:00+00:00", 300],
      ["2025-10-05T08:10:00+00:00", 300],
    ]);
    const hourly = await aggregates("granularity=3600&start=2025-10-05T06:00:00Z&stop=2025-10-05T08:00:00Z", { operations: "(metric cpu_util mean)", search: { "=": { id: db.id } }, resource_type: "instance" });
    expect(((await hourly.json()) as { measures: Record<string, { cpu_util: { mean: unknown[] } }> }).measures[db.id]!.cpu_util.mean).toHaveLength(2);

    expect((await aggregates(window, { operations: "(metric cpu_util mean)", search: `id=${db.id}` }, "not-a-token")).status).toBe(401);
    const missing = await aggregates(window, { operations: "(metric cpu_util mean)", search: `id=${named("stage-app").id}`, resource_type: "generic" });
    expect(missing.status).toBe(400);
    expect(await missing.json()).toEqual({ code: 400, description: { cause: "Metrics not found", detail: ["cpu_util"] }, title: "Bad Request" });
    expect((await aggregates("granularity=60", { operations: "(metric cpu_util mean)", search: `id=${db.id}` })).status).toBe(400);
    expect((await aggregates(window, { operations: "(metric cpu_util mean)", search: `id=${db.id}`, resource_type: "volume" })).status).toBe(404);
    const unsupported = await aggregates(window, { operations: "(resample mean 3600 (metric cpu_util mean))", search: `id=${db.id}` });
    expect(await unsupported.json()).toMatchObject({ code: 400, description: { cause: "Invalid operations" } });
  });
});
