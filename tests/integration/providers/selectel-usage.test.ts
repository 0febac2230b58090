import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { UsageRequest } from "@/server/providers/contract";
import { selectelPlugin } from "@/server/providers/selectel";
import { fineSamples } from "@/server/sandbox/openstack/server-load-samples";
import { MULTI_PROJECT_IDS as ids, selectelMultiProjectScenario as multi } from "@/server/sandbox/scenarios/selectel-multi-project";
import type { SelectelHarness } from "./selectel-harness";
import { apiKeyOf, serviceUserOf, startSelectelHarness } from "./selectel-harness";

const NOW = new Date("2025-10-05T10:30:00Z");
const START = new Date("2025-10-05T07:00:00Z");
const END = new Date("2025-10-05T10:00:00Z");
const request = (servers = multi.servers): UsageRequest => ({ end: END, servers: servers.map((server) => ({ id: server.id, projectId: server.projectId, region: server.region, start: START })) });

/** What the sandbox's Gnocchi holds for a scenario server: the truth the plugin must bring back. */
function expected(serverId: string, metric: "cpu_util" | "memory.usage") {
  const server = multi.servers.find((candidate) => candidate.id === serverId)!;
  return fineSamples({ server, flavor: multi.flavors.find((flavor) => flavor.id === server.flavorId) }, metric, START.getTime(), END.getTime());
}

describe("Selectel usage from the pools' Gnocchi", () => {
  let harness: SelectelHarness;
  beforeAll(async () => {
    harness = await startSelectelHarness(multi, { now: NOW });
  });
  afterEach(() => {
    harness.state.faults = {};
    harness.requests.length = 0;
  });
  afterAll(() => harness.close());

  it("reads every 5-minute CPU percent and memory MB of servers in two projects and pools, with each project's token", async () => {
    const snapshot = await selectelPlugin.collectUsage!(harness.context(serviceUserOf(multi)), request());
    expect(snapshot).toMatchObject({ failures: [], unsupported: [] });
    expect(snapshot.servers.map((server) => server.serverId).sort()).toEqual([ids.winona, ids.rhiannon].sort());
    for (const server of snapshot.servers) {
      expect(server.granularitySeconds).toBe(300);
      // Three hours of 5-minute samples, each exactly what the pool's Gnocchi holds.
      expect(server.cpuPercent).toHaveLength(36);
      expect(server.cpuPercent).toEqual(expected(server.serverId, "cpu_util"));
      expect(server.ramMb).toEqual(expected(server.serverId, "memory.usage"));
    }
    const calls = harness.requests.filter((url) => url.pathname.endsWith("/metric/v1/aggregates"));
    expect(calls.map((url) => url.pathname).sort()).toEqual(["/ru-3/metric/v1/aggregates", "/ru-3/metric/v1/aggregates", "/ru-8/metric/v1/aggregates", "/ru-8/metric/v1/aggregates"]);
    for (const url of calls) {
      expect(url.searchParams.get("granularity")).toBe("300");
      expect(url.searchParams.get("details")).toBe("false");
      expect(url.searchParams.get("stop")).toBe("2025-10-05T10:00:00Z");
    }
    // The CPU rate needs the sample before the window: that call starts 5 minutes early.
    expect(calls.map((url) => url.searchParams.get("start")).sort()).toEqual(["2025-10-05T06:55:00Z", "2025-10-05T06:55:00Z", "2025-10-05T07:00:00Z", "2025-10-05T07:00:00Z"]);
  });

  it("works with only the API key: resell tokens and the pools' metric URL from the openstack pattern", async () => {
    const snapshot = await selectelPlugin.collectUsage!(harness.context(apiKeyOf(multi)), request());
    expect(snapshot.failures).toEqual([]);
    expect(snapshot.servers.map((server) => [server.serverId, server.ramMb.length]).sort()).toEqual([[ids.winona, 36], [ids.rhiannon, 36]].sort());
  });

  it("finds each pool's Gnocchi at {pool}/metric when Keystone's catalog does not list it", async () => {
    const unlisted = await startSelectelHarness({ ...multi, telemetry: { inCatalog: false } }, { now: NOW });
    try {
      const snapshot = await selectelPlugin.collectUsage!(unlisted.context(serviceUserOf(multi)), request());
      expect(snapshot).toMatchObject({ failures: [], unsupported: [] });
      expect(snapshot.servers.map((server) => [server.serverId, server.cpuPercent.length]).sort()).toEqual([[ids.winona, 36], [ids.rhiannon, 36]].sort());
    } finally {
      await unlisted.close();
    }
  });

  it("asks nothing for a server whose window is already closed, and leaves out servers Gnocchi does not know", async () => {
    const servers = [
      { id: ids.winona, projectId: ids.projects.main, region: "ru-3", start: END },
      { id: ids.annemarie, projectId: ids.projects.main, region: "ru-3", start: START },
      // Rhiannon asked for through the wrong project: that project's token does not see her.
      { id: ids.rhiannon, projectId: ids.projects.main, region: "ru-8", start: START },
    ];
    const snapshot = await selectelPlugin.collectUsage!(harness.context(serviceUserOf(multi)), { end: END, servers });
    expect(snapshot).toEqual({ servers: [], failures: [], unsupported: [] });
    expect(harness.requests.filter((url) => url.pathname.endsWith("/aggregates"))).toHaveLength(4);
  });

  it("rides out 429s on the metric API, and records a pool that is down without losing the other", async () => {
    harness.state.faults = { rateLimit: { everyNth: 2, retryAfterSeconds: 1, pathPattern: "/metric/" } };
    const limited = await selectelPlugin.collectUsage!(harness.context(serviceUserOf(multi)), request());
    expect(limited.failures).toEqual([]);
    expect(limited.servers).toHaveLength(2);
    expect(harness.state.calls.some((call) => call.status === 429)).toBe(true);

    harness.state.faults = { downRegions: ["ru-8"] };
    const partial = await selectelPlugin.collectUsage!(harness.context(serviceUserOf(multi)), request());
    expect(partial.servers.map((server) => server.serverId)).toEqual([ids.winona]);
    expect(partial.failures).toEqual([{ projectId: ids.projects.analytics, region: "ru-8", error: expect.stringMatching(/503.*ru-8 is unavailable/) }]);
  });

  it("throws when every project token is refused: the credentials are wrong", async () => {
    const wrong = { ...serviceUserOf(multi), serviceUserPassword: "not-the-password-1" };
    await expect(selectelPlugin.collectUsage!(harness.context(wrong), request())).rejects.toMatchObject({ kind: "auth" });
  });
});
