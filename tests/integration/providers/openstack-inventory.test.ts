import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { isProviderError } from "@/server/providers/errors";
import { collectOpenStackInventory, isComputePort, listPorts, listServers, listVolumes, paginateOpenStackList, serviceUrl } from "@/server/providers/lib/openstack";
import { openstackPlugin } from "@/server/providers/openstack";
import { OPENSTACK_BASIC_PROJECTS, openstackBasicScenario } from "@/server/sandbox/scenarios/openstack-basic";
import type { OpenStackSandboxRun } from "./openstack-harness";
import { callsMatching, openstackContext, productionScope, startOpenStackSandbox } from "./openstack-harness";

const { production } = OPENSTACK_BASIC_PROJECTS;
const idsOf = (items: { id: string }[]) => items.map((item) => item.id).sort();
const scenarioIds = (items: { id: string; projectId: string; region: string }[], region?: string) =>
  idsOf(items.filter((item) => item.projectId === production.id && (!region || item.region === region)));

describe("OpenStack inventory against the sandbox (page size 2)", () => {
  let run: OpenStackSandboxRun;
  beforeAll(async () => {
    run = await startOpenStackSandbox({ pageSize: 2 });
  });
  afterAll(async () => {
    await run.sandbox.close();
  });
  beforeEach(() => {
    run.state.reset();
    run.state.faults = {};
  });

  it("gives the same flavor data at microversion 2.47 (embedded) and 2.1 (looked up once per flavor, cached)", async () => {
    const ctx = openstackContext(run);
    const scope = await productionScope(ctx, run, "RegionOne");
    const embedded = await listServers(ctx, scope, { microversion: "2.47" });
    expect(callsMatching(run.state, /\/flavors\//)).toHaveLength(0);

    const before = { hits: ctx.cache.hits, misses: ctx.cache.misses };
    const referenced = await listServers(ctx, scope, { microversion: "2.1" });
    // Four servers on three flavors: three lookups, and web-2 shares web-1's (in-flight) m1.medium.
    expect(ctx.cache.misses - before.misses).toBe(3);
    expect(ctx.cache.hits - before.hits).toBe(1);
    expect(callsMatching(run.state, /\/flavors\//)).toHaveLength(3);

    const shape = (servers: typeof embedded) => Object.fromEntries(servers.map((server) => [server.name, { ...server.flavor, id: undefined }]));
    expect(shape(referenced)).toEqual(shape(embedded));
    expect(shape(embedded)["db-1"]).toEqual({ id: undefined, name: "m1.large", vcpus: 4, ramMb: 8192, diskGb: 80 });
    expect(embedded.find((server) => server.name === "db-1")?.flavor.id).toBeNull();
    expect(referenced.find((server) => server.name === "db-1")?.flavor.id).toBe("3");

    const again = { hits: ctx.cache.hits, misses: ctx.cache.misses };
    await listServers(ctx, scope, { microversion: "2.1" });
    expect(ctx.cache.hits - again.hits).toBe(4);
    expect(ctx.cache.misses - again.misses).toBe(0);
    expect(callsMatching(run.state, /\/flavors\//)).toHaveLength(3);
  });

  it("echoes the microversion and keeps bootable a string on the wire", async () => {
    const ctx = openstackContext(run);
    const scope = await productionScope(ctx, run, "RegionOne");
    const nova = await fetch(`${run.sandbox.url}/RegionOne/compute/v2.1/servers/detail?limit=1`, {
      headers: { "x-auth-token": scope.token, "openstack-api-version": "compute 2.47" },
    });
    expect(nova.headers.get("openstack-api-version")).toBe("compute 2.47");
    expect(nova.headers.get("vary")).toContain("OpenStack-API-Version");
    const page = (await nova.json()) as { servers: { flavor: Record<string, unknown> }[]; servers_links: { rel: string; href: string }[] };
    expect(page.servers[0]?.flavor).not.toHaveProperty("id");
    expect(page.servers_links[0]?.rel).toBe("next");

    const cinder = await fetch(`${run.sandbox.url}/RegionOne/volume/v3/${production.id}/volumes/detail`, { headers: { "x-auth-token": scope.token } });
    const volumes = (await cinder.json()) as { volumes: { bootable: unknown }[] };
    expect(volumes.volumes.map((volume) => volume.bootable).every((value) => value === "true" || value === "false")).toBe(true);

    const mapped = await listVolumes(ctx, scope);
    const byName = Object.fromEntries(mapped.map((volume) => [volume.name, volume]));
    expect(byName["web-1-boot"]?.bootable).toBe(true);
    expect(byName["db-1-data"]?.bootable).toBe(false);
    expect(byName["db-1-data"]?.attachments).toEqual([{ serverId: "2f8b4c63-9e5a-4dbc-8a3f-7b8c9d0e1f03", device: "/dev/vdb" }]);
    expect(byName["old-export"]).toMatchObject({ attachments: [], status: "available", volumeType: "hdd", sizeGb: 5, zone: "az-2", region: "RegionOne" });
  });

  it("follows every page and returns each server, volume and port exactly once", async () => {
    const ctx = openstackContext(run);
    const snapshot = await openstackPlugin.collectInventory!(ctx, { projects: [] });
    expect(snapshot.failures).toEqual([]);
    expect(snapshot.regions.map((scope) => scope.region).sort()).toEqual(["RegionOne", "RegionTwo"]);
    const servers = snapshot.regions.flatMap((scope) => scope.servers);
    expect(idsOf(servers)).toEqual(scenarioIds(openstackBasicScenario.servers));
    expect(idsOf(snapshot.regions.flatMap((scope) => scope.volumes))).toEqual(scenarioIds(openstackBasicScenario.volumes));
    const nicIds = openstackBasicScenario.servers.filter((server) => server.projectId === production.id).flatMap((server) => server.nics.map((nic) => nic.portId));
    const infraIds = (openstackBasicScenario.infraPorts ?? []).filter((port) => port.projectId === production.id).map((port) => port.id);
    expect(idsOf(snapshot.regions.flatMap((scope) => scope.ports))).toEqual([...nicIds, ...infraIds].sort());

    // RegionOne: 4 servers → pages 2, 2, 0; 6 volumes → 2, 2, 2, 0; 5 ports → 2, 2, 1.
    const regionOne = (service: string) => callsMatching(run.state, new RegExp(`^/RegionOne/${service}`)).length;
    expect(regionOne("compute/v2.1/servers/detail")).toBe(3);
    expect(regionOne("volume/v3/[^/]+/volumes/detail")).toBe(4);
    expect(regionOne("network/v2.0/ports")).toBe(3);

    const legacy = servers.find((server) => server.name === "legacy-worker");
    expect(legacy).toMatchObject({ status: "SHUTOFF", region: "RegionOne", zone: "az-2", projectId: production.id });
    const web1 = servers.find((server) => server.name === "web-1");
    expect(web1?.volumeIds).toEqual(["e0000001-0000-4000-8000-000000000001"]);
    expect(web1?.metadata).toEqual({ role: "web" });
    expect(web1?.addresses).toEqual([
      { ip: "10.0.0.11", version: 4, type: "fixed", mac: "fa:16:3e:00:00:11", network: "prod-net" },
      { ip: "203.0.113.10", version: 4, type: "floating", mac: "fa:16:3e:00:00:11", network: "prod-net" },
    ]);
  });

  it("attaches only compute ports to servers", async () => {
    const ctx = openstackContext(run);
    const scope = await productionScope(ctx, run, "RegionOne");
    const [servers, ports] = await Promise.all([listServers(ctx, scope), listPorts(ctx, scope)]);
    const serverIds = new Set(servers.map((server) => server.id));
    const compute = ports.filter(isComputePort);
    expect(compute).toHaveLength(4);
    for (const port of compute) {
      expect(serverIds.has(port.deviceId!)).toBe(true);
      const server = servers.find((candidate) => candidate.id === port.deviceId);
      expect(server?.addresses.some((address) => address.mac === port.macAddress && port.fixedIps.includes(address.ip))).toBe(true);
    }
    const router = ports.find((port) => port.deviceOwner === "network:router_interface");
    expect(router).toMatchObject({ fixedIps: ["10.0.0.1"], region: "RegionOne", projectId: production.id });
    expect(isComputePort(router!)).toBe(false);
    expect(serverIds.has(router!.deviceId!)).toBe(false);
  });

  it("waits out a 429 with Retry-After and then succeeds", async () => {
    const waits: number[] = [];
    const ctx = openstackContext(run, { waits });
    const scope = await productionScope(ctx, run, "RegionOne");
    run.state.faults = { rateLimit: { everyNth: 2, retryAfterSeconds: 1, pathPattern: "/servers/detail" } };
    const servers = await listServers(ctx, scope);
    expect(idsOf(servers)).toEqual(scenarioIds(openstackBasicScenario.servers, "RegionOne"));
    // Three pages; the 2nd and 4th requests were refused and retried once each, after the advertised second.
    expect(ctx.http.metrics.retries).toBe(2);
    expect(ctx.http.metrics.summary().byService.nova).toMatchObject({ calls: 5, errors: 2 });
    expect(waits).toEqual([1000, 1000]);
    expect(callsMatching(run.state, /servers\/detail/).map((call) => call.status)).toEqual([200, 429, 200, 429, 200]);
  });

  it("records a region that is down as a failed scope and keeps the other region", async () => {
    run.state.faults = { downRegions: ["RegionTwo"] };
    const ctx = openstackContext(run);
    const snapshot = await openstackPlugin.collectInventory!(ctx, { projects: [] });
    expect(snapshot.regions.map((scope) => scope.region)).toEqual(["RegionOne"]);
    expect(idsOf(snapshot.regions[0]!.servers)).toEqual(scenarioIds(openstackBasicScenario.servers, "RegionOne"));
    expect(snapshot.failures).toHaveLength(1);
    expect(snapshot.failures[0]).toMatchObject({ projectId: production.id, region: "RegionTwo" });
    expect(snapshot.failures[0]!.error).toContain("Region RegionTwo is unavailable");
  });

  it("throws instead of recording when a scope is refused for auth", async () => {
    const ctx = openstackContext(run);
    const scope = await productionScope(ctx, run, "RegionOne");
    const error = await collectOpenStackInventory(ctx, { projects: [{ id: production.id, name: "production", token: "revoked-token", catalog: scope.catalog }] }).then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(isProviderError(error) && error.kind).toBe("auth");
  });

  it("limits the regions when asked and reports a region the catalog does not have", async () => {
    const ctx = openstackContext(run);
    const scope = await productionScope(ctx, run, "RegionOne");
    const snapshot = await collectOpenStackInventory(ctx, {
      projects: [{ id: production.id, name: "production", token: scope.token, catalog: scope.catalog }],
      regions: ["RegionTwo", "Atlantis"],
    });
    expect(snapshot.regions.map((region) => region.region)).toEqual(["RegionTwo"]);
    expect(snapshot.failures).toEqual([{ projectId: production.id, region: "Atlantis", error: expect.stringContaining("Atlantis") }]);
  });

  it("carries each service's own error message and falls back to 2.1 when Nova refuses the microversion", async () => {
    const ctx = openstackContext(run);
    const scope = await productionScope(ctx, run, "RegionOne");
    const failure = (service: "compute" | "volume" | "network", path: string, collection: string, name: string) =>
      paginateOpenStackList(ctx, { url: `${serviceUrl(ctx, scope, service)}${path}`, collection, token: scope.token, service: name, query: { marker: "no-such-id" } }).then(
        () => null,
        (caught: unknown) => (isProviderError(caught) ? { kind: caught.kind, status: caught.status, message: caught.providerMessage } : caught),
      );
    expect(await failure("compute", "/servers/detail", "servers", "nova")).toEqual({ kind: "bad_response", status: 400, message: "marker [no-such-id] not found" });
    expect(await failure("volume", "/volumes/detail", "volumes", "cinder")).toEqual({ kind: "not_found", status: 404, message: "Marker no-such-id could not be found." });
    expect(await failure("network", "/ports", "ports", "neutron")).toEqual({ kind: "not_found", status: 404, message: "Port no-such-id could not be found." });

    const servers = await listServers(ctx, scope, { microversion: "2.999" });
    expect(servers).toHaveLength(4);
    expect(servers.every((server) => server.flavor.vcpus !== null)).toBe(true);
    expect(callsMatching(run.state, /servers\/detail/).map((call) => call.status)).toEqual([400, 406, 200, 200, 200]);
  });
});
