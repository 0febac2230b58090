import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { InventorySnapshot } from "@/server/providers/contract";
import { FALLBACK_REGIONS, selectelPlugin } from "@/server/providers/selectel";
import { generateLargeSelectelScenario } from "@/server/sandbox/scenarios/selectel-large";
import { MULTI_PROJECT_IDS as ids, selectelMultiProjectScenario as multi } from "@/server/sandbox/scenarios/selectel-multi-project";
import type { SelectelHarness } from "./selectel-harness";
import { apiKeyOf, serviceUserOf, startSelectelHarness } from "./selectel-harness";

const NOW = new Date("2025-10-05T10:30:00Z");
const billedProjects = multi.projects.map(({ id, name }) => ({ id, name }));
const servers = (snapshot: InventorySnapshot) => snapshot.regions.flatMap((region) => region.servers);
const volumes = (snapshot: InventorySnapshot) => snapshot.regions.flatMap((region) => region.volumes);

describe("Selectel inventory of the multi-project account", () => {
  let harness: SelectelHarness;
  beforeAll(async () => {
    harness = await startSelectelHarness(multi, { now: NOW });
  });
  afterEach(() => {
    harness.state.faults = {};
    harness.requests.length = 0;
  });
  afterAll(() => harness.close());

  it("finds Winona in ru-3 and Rhiannon in ru-8 with project tokens of the service user; Annemarie is billing-only", async () => {
    const snapshot = await selectelPlugin.collectInventory!(harness.context(serviceUserOf(multi)), { projects: billedProjects });
    expect(snapshot.failures).toEqual([]);
    const winona = servers(snapshot).find((server) => server.id === ids.winona);
    const rhiannon = servers(snapshot).find((server) => server.id === ids.rhiannon);
    expect(winona).toMatchObject({ name: "Winona", region: "ru-3", projectId: ids.projects.main, status: "ACTIVE", zone: "ru-3b" });
    expect(winona?.addresses.map((address) => [address.ip, address.type])).toEqual(expect.arrayContaining([["192.168.0.14", "fixed"], ["87.228.101.42", "floating"]]));
    expect(rhiannon).toMatchObject({ name: "Rhiannon", region: "ru-8", projectId: ids.projects.analytics, status: "ACTIVE" });
    expect(servers(snapshot).some((server) => server.id === ids.annemarie)).toBe(false);

    const orphan = volumes(snapshot).find((volume) => volume.id === ids.orphan);
    expect(orphan).toMatchObject({ attachments: [], sizeGb: 100, volumeType: "fast.ru-3a" });
    const boot = volumes(snapshot).find((volume) => volume.id === ids.winonaBoot);
    expect(boot).toMatchObject({ bootable: true, attachments: [{ serverId: ids.winona, device: "/dev/sda" }] });
    // Keystone project scope per project, once each.
    const logins = harness.requests.filter((url) => url.pathname === "/identity/v3/auth/tokens");
    expect(logins).toHaveLength(2);
  });

  it("uses resell v2 tokens and the capabilities' regions when only the API key is given", async () => {
    const snapshot = await selectelPlugin.collectInventory!(harness.context(apiKeyOf(multi)), { projects: billedProjects });
    expect(snapshot.failures).toEqual([]);
    expect(servers(snapshot).map((server) => server.name).sort()).toEqual(["Rhiannon", "Winona"]);
    expect(new Set(snapshot.regions.map((region) => region.region))).toEqual(new Set(["ru-3", "ru-8"]));
    const paths = harness.requests.map((url) => url.pathname);
    expect(paths.filter((path) => path === "/vpc/resell/v2/tokens")).toHaveLength(2);
    expect(paths.filter((path) => path === "/vpc/resell/v2/capabilities")).toHaveLength(1);
    expect(paths).not.toContain("/identity/v3/auth/tokens");
  });

  it("falls back to the static pool list with URLs from the openstack pattern when capabilities fail", async () => {
    harness.state.faults = { serverErrors: { everyNth: 1, status: 503, pathPattern: "/capabilities$" } };
    const snapshot = await selectelPlugin.collectInventory!(harness.context(apiKeyOf(multi)), { projects: billedProjects });
    expect(servers(snapshot).map((server) => server.name).sort()).toEqual(["Rhiannon", "Winona"]);
    const tried = new Set(harness.requests.filter((url) => url.pathname.endsWith("/servers/detail")).map((url) => url.pathname.split("/")[1]));
    expect([...tried].sort()).toEqual([...FALLBACK_REGIONS].sort());
    // Pools the sandbox account does not have answer 404: recorded, never fatal.
    expect(new Set(snapshot.failures.map((failure) => failure.region))).toEqual(new Set(FALLBACK_REGIONS.filter((region) => region !== "ru-3" && region !== "ru-8")));
  });

  it("records a region that is down as a failure of its scopes and keeps the others", async () => {
    harness.state.faults = { downRegions: ["ru-8"] };
    const snapshot = await selectelPlugin.collectInventory!(harness.context(serviceUserOf(multi)), { projects: billedProjects });
    expect(snapshot.failures.map((failure) => [failure.projectId, failure.region]).sort()).toEqual(
      [[ids.projects.analytics, "ru-8"], [ids.projects.main, "ru-8"]].sort(),
    );
    expect(snapshot.failures[0]?.error).toMatch(/503/);
    expect(servers(snapshot).map((server) => server.name)).toEqual(["Winona"]);
    expect(snapshot.regions.every((region) => region.region === "ru-3")).toBe(true);
  });

  it("records a project whose token is refused, and throws when every project is refused", async () => {
    const stranger = { id: "ffffffffffffffffffffffffffffffff", name: "Not ours" };
    const partial = await selectelPlugin.collectInventory!(harness.context(apiKeyOf(multi)), { projects: [...billedProjects, stranger] });
    expect(partial.failures).toEqual([{ projectId: stranger.id, region: null, error: expect.stringContaining("404") }]);
    expect(servers(partial)).toHaveLength(2);
    const refused = selectelPlugin.collectInventory!(harness.context({ ...serviceUserOf(multi), serviceUserPassword: "nope-nope" }), { projects: billedProjects });
    await expect(refused).rejects.toMatchObject({ kind: "auth" });
  });
});

describe("Selectel inventory across pages", () => {
  const small = generateLargeSelectelScenario({ regions: 1, projectsPerRegion: 1, servers: 7, volumes: 9, zombies: 1, seed: 7 });
  let harness: SelectelHarness;
  beforeAll(async () => {
    harness = await startSelectelHarness(small, { now: NOW, pageSize: 2 });
  });
  afterAll(() => harness.close());

  it("follows next links two items at a time until every server, volume and port is read", async () => {
    const snapshot = await selectelPlugin.collectInventory!(harness.context(serviceUserOf(small)), { projects: small.projects });
    expect(snapshot.failures).toEqual([]);
    expect(servers(snapshot).map((server) => server.id).sort()).toEqual(small.servers.map((server) => server.id).sort());
    expect(volumes(snapshot)).toHaveLength(9);
    expect(snapshot.regions.flatMap((region) => region.ports)).toHaveLength(7);
    const serverPages = harness.requests.filter((url) => url.pathname.endsWith("/servers/detail"));
    expect(serverPages.length).toBeGreaterThanOrEqual(4);
    expect(serverPages.slice(1).every((url) => url.searchParams.has("marker"))).toBe(true);
  });
});
