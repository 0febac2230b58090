import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProviderContext } from "@/server/providers/registry";
import { selectelPlugin } from "@/server/providers/selectel";
import { startSandboxServer } from "@/server/sandbox/http/start-sandbox-server";
import { SELECTEL_LARGE_BENCH_NOW, generateLargeSelectelScenario } from "@/server/sandbox/scenarios/selectel-large";
import { MULTI_PROJECT_IDS as ids, selectelMultiProjectScenario as multi } from "@/server/sandbox/scenarios/selectel-multi-project";
import { createSelectelSandbox, regionOf } from "@/server/sandbox/selectel";

const NOW = new Date("2025-10-05T10:30:00Z");
const KEY = { "x-token": multi.auth.apiKeys[0]! };

describe("Selectel sandbox: the api.selectel.ru surface", () => {
  let url: string;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ url, close } = await startSandboxServer(createSelectelSandbox(multi, { now: () => NOW })));
  });
  afterAll(() => close());

  const consumption = (query: string, headers: Record<string, string> = KEY) => fetch(`${url}/v1/cloud_billing/statistic/consumption?${query}`, { headers });
  const login = async (scope: unknown) => {
    const user = multi.auth.users[0]!;
    const auth = { identity: { methods: ["password"], password: { user: { name: user.name, domain: { name: multi.account.id }, password: user.password } } }, scope };
    const response = await fetch(`${url}/identity/v3/auth/tokens`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ auth }) });
    return response.headers.get("x-subject-token")!;
  };

  it("answers bad statistic parameters with 400 and a message", async () => {
    const cases: [string, RegExp][] = [
      ["start=2025-10-01T00:00:00&end=2025-10-02T00:00:00", /provider_keys/],
      ["provider_keys=vpc,mks&start=2025-10-01T00:00:00&end=2025-10-02T00:00:00", /Invalid 'provider_keys'/],
      ["provider_keys=vpc&start=2025-10-01&end=2025-10-02T00:00:00", /Invalid 'start'/],
      ["provider_keys=vpc&start=2025-02-30T00:00:00&end=2025-03-02T00:00:00", /Invalid 'start'/],
      ["provider_keys=vpc&start=2025-10-02T00:00:00&end=2025-10-01T00:00:00", /earlier/],
      ["provider_keys=vpc&start=2025-10-01T00:00:00&end=2025-10-02T00:00:00&group_type=tenant", /group_type/],
      ["provider_keys=vpc&start=2025-10-01T00:00:00&end=2025-10-02T00:00:00&period_group_type=minute", /period_group_type/],
      ["provider_keys=vpc&start=2025-10-01T00:00:00&end=2025-10-02T00:00:00&locale=de", /locale/],
    ];
    for (const [query, message] of cases) {
      const response = await consumption(query);
      expect(response.status, query).toBe(400);
      expect(((await response.json()) as { error: { message: string } }).error.message, query).toMatch(message);
    }
  });

  it("groups by project and by project metric, with Moscow-day periods", async () => {
    const byProject = (await (await consumption("provider_keys=dbaas&start=2025-10-02T00:00:00&end=2025-10-03T23:59:59&group_type=project&period_group_type=day")).json()) as { data: { period: string; value: number; metric: unknown; project: { id: string } }[] };
    // analytics-pg: (180 + 120 + 31) kopecks an hour, 24 hours a Moscow day.
    expect(byProject.data.map((row) => [row.period, row.project.id, row.value, row.metric])).toEqual([
      ["2025-10-02T00:00:00", ids.projects.analytics, 331 * 24, null],
      ["2025-10-03T00:00:00", ids.projects.analytics, 331 * 24, null],
    ]);
    const byMetric = (await (await consumption("provider_keys=vpc&start=2025-10-04T00:00:00&end=2025-10-04T00:59:59&group_type=project_metric&period_group_type=all")).json()) as { data: { project: { id: string }; metric: { id: string; quantity: string; region: null } }[] };
    const cores = byMetric.data.find((row) => row.project.id === ids.projects.main && row.metric.id === "compute_cores");
    // Winona and Annemarie, 2 cores each, for one hour.
    expect(cores?.metric).toMatchObject({ quantity: "4", region: null });
  });

  it("lists billed projects and objects with localized type names", async () => {
    const projects = (await (await fetch(`${url}/v1/cloud_billing/statistic/projects?provider_keys=mks`, { headers: KEY })).json()) as { data: unknown[] };
    expect(projects.data).toEqual([{ id: ids.projects.main, name: "My First Project" }]);
    const objects = (await (await fetch(`${url}/v1/cloud_billing/statistic/objects?provider_keys=vpc&locale=ru`, { headers: KEY })).json()) as { data: { id: string; type_name: string; parent_id: string | null }[] };
    expect(objects.data.find((object) => object.id === ids.winona)).toMatchObject({ type_name: "Сервер", parent_id: null });
    expect(objects.data.find((object) => object.id === ids.rhiannonByParent)?.parent_id).toBe(ids.rhiannon);
  });

  it("takes an account-scoped Keystone token, refuses a project-scoped one (403) and an unknown one (401)", async () => {
    const balances = (headers: Record<string, string>) => fetch(`${url}/v3/balances`, { headers }).then((response) => response.status);
    expect(await balances({ "x-auth-token": await login({ domain: { name: multi.account.id } }) })).toBe(200);
    expect(await balances({ "x-auth-token": await login({ project: { id: ids.projects.main } }) })).toBe(403);
    expect(await balances({ "x-auth-token": "gAAAAABnot-a-token" })).toBe(401);
    expect(await balances({})).toBe(401);
  });

  it("exchanges the API key for a project token that Nova accepts", async () => {
    const minted = await fetch(`${url}/vpc/resell/v2/tokens`, { method: "POST", headers: { ...KEY, "content-type": "application/json" }, body: JSON.stringify({ token: { project_id: ids.projects.analytics } }) });
    const { token } = (await minted.json()) as { token: { id: string } };
    const servers = await fetch(`${url}/ru-8/compute/v2.1/servers/detail`, { headers: { "x-auth-token": token.id } });
    expect(servers.status).toBe(200);
    expect(((await servers.json()) as { servers: { name: string }[] }).servers.map((server) => server.name)).toEqual(["Rhiannon"]);
  });

  it("places account API paths in no region and OpenStack paths in theirs", () => {
    expect(regionOf(new URL("http://h/v1/cloud_billing/statistic/consumption"))).toBeNull();
    expect(regionOf(new URL("http://h/vpc/resell/v2/projects"))).toBeNull();
    expect(regionOf(new URL("http://h/ru-8/compute/v2.1/servers/detail"))).toBe("ru-8");
  });
});

describe("Selectel sandbox mounted under a path", () => {
  it("serves the plugin end to end from /api/sandbox/selectel", async () => {
    const basePath = "/api/sandbox/selectel";
    const { url, close } = await startSandboxServer(createSelectelSandbox(multi, { now: () => NOW, basePath }));
    try {
      const base = `${url}${basePath}`;
      const user = multi.auth.users[0]!;
      const ctx = createProviderContext(selectelPlugin, {
        credentials: { accountId: multi.account.id, serviceUserName: user.name, serviceUserPassword: user.password },
        endpointOverrides: { identity: `${base}/identity/v3`, api: base, openstack: `${base}/{region}` },
        now: () => NOW,
      });
      expect((await selectelPlugin.testConnection(ctx)).balance).toBe("9876543.21");
      const inventory = await selectelPlugin.collectInventory!(ctx, { projects: multi.projects });
      expect(inventory.failures).toEqual([]);
      expect(inventory.regions.flatMap((region) => region.servers).map((server) => server.name).sort()).toEqual(["Rhiannon", "Winona"]);
    } finally {
      await close();
    }
  });
});

describe("Selectel sandbox: the large generated account", () => {
  it("is deterministic and answers a month-to-date daily query of ~50k rows quickly", async () => {
    const scenario = generateLargeSelectelScenario();
    expect(JSON.stringify(generateLargeSelectelScenario().billing.slice(0, 50))).toBe(JSON.stringify(scenario.billing.slice(0, 50)));
    expect([scenario.regions.length, scenario.projects.length, scenario.servers.length, scenario.volumes.length]).toEqual([9, 27, 3000, 4000]);
    const { url, close } = await startSandboxServer(createSelectelSandbox(scenario, { now: () => SELECTEL_LARGE_BENCH_NOW }));
    try {
      const started = performance.now();
      const query = "provider_keys=vpc&provider_keys=mks&provider_keys=dbaas&start=2025-10-01T03:00:00&end=2025-10-05T14:59:59&group_type=project_object_region_metric&period_group_type=day";
      const response = await fetch(`${url}/v1/cloud_billing/statistic/consumption?${query}`, { headers: { "x-token": scenario.auth.apiKeys[0]! } });
      const body = (await response.json()) as { data: unknown[] };
      const elapsed = performance.now() - started;
      expect(body.data.length).toBeGreaterThan(45_000);
      expect(body.data.length).toBeLessThan(60_000);
      expect(elapsed).toBeLessThan(5_000);
    } finally {
      await close();
    }
  });
});
