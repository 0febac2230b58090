import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BillingLine, BillingSnapshot } from "@/server/providers/contract";
import { selectelPlugin } from "@/server/providers/selectel";
import { SELECTEL_SEED_RATES as RATES, selectelSeedScenario as seed } from "@/server/sandbox/scenarios/selectel-seed";
import { selectelMultiProjectScenario as multi, MULTI_PROJECT_IDS as ids } from "@/server/sandbox/scenarios/selectel-multi-project";
import type { SelectelHarness } from "./selectel-harness";
import { apiKeyOf, serviceUserOf, startSelectelHarness } from "./selectel-harness";

const NOW = new Date("2025-10-05T10:30:00Z");
const WINDOW = { start: new Date("2025-10-01T00:00:00Z"), end: NOW };
/** Completed hours from the window start to 10:00 UTC on the 5th. */
const HOURS = 4 * 24 + 10;
const [doreen, tilly] = seed.servers;

const total = (lines: BillingLine[], id: string, metric?: string) => lines.filter((line) => line.providerResourceId === id && (!metric || line.metric === metric)).reduce((sum, line) => sum + line.costMinor, 0);

describe("Selectel billing of the seed account", () => {
  let harness: SelectelHarness;
  let snapshot: BillingSnapshot;
  beforeAll(async () => {
    harness = await startSelectelHarness(seed, { now: NOW });
    snapshot = (await selectelPlugin.collectBilling!(harness.context(apiKeyOf(seed)), WINDOW))!;
  });
  afterAll(() => harness.close());

  it("asks for per-object rows with the provider keys repeated and Moscow-time bounds", () => {
    const queries = harness.requests.filter((url) => url.pathname === "/v1/cloud_billing/statistic/consumption").map((url) => url.searchParams);
    expect(queries).toHaveLength(2);
    for (const query of queries) {
      expect(query.getAll("provider_keys")).toEqual(["vpc", "mks", "dbaas", "craas", "storage", "serverless"]);
      expect(query.get("group_type")).toBe("project_object_region_metric");
    }
    const byPeriod = Object.fromEntries(queries.map((query) => [query.get("period_group_type"), [query.get("start"), query.get("end")]]));
    // 09:00–10:00 UTC is 12:00–13:00 in Moscow; the end is inclusive of its hour, hence one second short.
    expect(byPeriod.hour).toEqual(["2025-10-05T12:00:00", "2025-10-05T12:59:59"]);
    expect(byPeriod.day).toEqual(["2025-10-01T03:00:00", "2025-10-05T13:29:59"]);
  });

  it("reports the latest complete hour: each object's hourly rate in kopecks", () => {
    expect(snapshot.latestHour?.start).toEqual(new Date("2025-10-05T09:00:00Z"));
    expect(snapshot.latestHour?.end).toEqual(new Date("2025-10-05T10:00:00Z"));
    const lines = snapshot.latestHour!.lines;
    expect(lines).toHaveLength(6);
    expect(total(lines, doreen!.id, "compute_cores")).toBe(RATES.vcpu);
    expect(total(lines, tilly!.id, "compute_ram")).toBe(RATES.ram1Gb);
    const ram = lines.find((line) => line.providerResourceId === doreen!.id && line.metric === "compute_ram")!;
    expect(ram).toMatchObject({ resourceName: "Doreen", billingType: "cloud_vm", parentId: null, region: "ru-3", quantity: "1024", unit: "MB", currency: "RUB", projectName: "My First Project" });
  });

  it("sums daily lines to rate × billed hours, exact to the kopeck", () => {
    expect(snapshot.currency).toBe("RUB");
    expect(total(snapshot.daily, doreen!.id, "compute_cores")).toBe(RATES.vcpu * HOURS);
    expect(total(snapshot.daily, doreen!.id)).toBe((RATES.vcpu + RATES.ram1Gb) * HOURS);
    const volume = seed.volumes[1]!;
    expect(total(snapshot.daily, volume.id)).toBe(RATES.universalVolume5Gb * HOURS);
    expect(snapshot.daily.every((line) => Number.isInteger(line.costMinor))).toBe(true);
  });

  it("splits the window into Moscow days clipped to the window", () => {
    const cores = snapshot.daily.filter((line) => line.providerResourceId === doreen!.id && line.metric === "compute_cores");
    expect(cores.map((line) => [line.periodStart.toISOString(), line.periodEnd.toISOString(), line.costMinor, line.quantity])).toEqual([
      ["2025-10-01T00:00:00.000Z", "2025-10-01T21:00:00.000Z", RATES.vcpu * 21, "21"],
      ["2025-10-01T21:00:00.000Z", "2025-10-02T21:00:00.000Z", RATES.vcpu * 24, "24"],
      ["2025-10-02T21:00:00.000Z", "2025-10-03T21:00:00.000Z", RATES.vcpu * 24, "24"],
      ["2025-10-03T21:00:00.000Z", "2025-10-04T21:00:00.000Z", RATES.vcpu * 24, "24"],
      ["2025-10-04T21:00:00.000Z", "2025-10-05T10:30:00.000Z", RATES.vcpu * 13, "13"],
    ]);
  });

  it("ties each boot volume to its server through parent_id", () => {
    for (const server of seed.servers) {
      const volume = snapshot.latestHour!.lines.find((line) => line.resourceName === `disk-for-${server.name}-#1`);
      expect(volume).toMatchObject({ billingType: "volume_universal", parentId: server.id, metric: "volume_gigabytes_universal", quantity: "5", unit: "GB" });
    }
  });

  it("reads the same charges through the service user's account token", async () => {
    const viaServiceUser = await selectelPlugin.collectBilling!(harness.context(serviceUserOf(seed)), WINDOW);
    expect(viaServiceUser.daily.map((line) => line.costMinor)).toEqual(snapshot.daily.map((line) => line.costMinor));
  });

  it("has no latest hour when the window holds no complete hour", async () => {
    const short = await selectelPlugin.collectBilling!(harness.context(apiKeyOf(seed)), { start: new Date("2025-10-05T10:00:00Z"), end: NOW });
    expect(short.latestHour).toBeNull();
    expect(short.daily).toEqual([]);
  });
});

describe("Selectel billing of the multi-project account", () => {
  let harness: SelectelHarness;
  beforeAll(async () => {
    harness = await startSelectelHarness(multi, { now: NOW, faults: { rateLimit: { everyNth: 2, retryAfterSeconds: 1, pathPattern: "/consumption$" } } });
  });
  afterAll(() => harness.close());

  it("rides out a 429 with Retry-After and bills zombies, services and unknown types", async () => {
    const snapshot = await selectelPlugin.collectBilling!(harness.context(apiKeyOf(multi)), WINDOW);
    const statuses = harness.state.calls.filter((call) => call.path.endsWith("/consumption")).map((call) => call.status);
    expect(statuses.filter((status) => status === 429)).toHaveLength(1);
    expect(statuses.filter((status) => status === 200)).toHaveLength(2);
    const types = new Set(snapshot.latestHour!.lines.map((line) => line.billingType));
    for (const type of ["cloud_vm", "volume_fast", "network_floating_ip", "dbaas_postgresql", "mks_cluster", ...ids.unknownTypes]) expect(types).toContain(type);
    expect(snapshot.daily.some((line) => line.providerResourceId === ids.annemarie)).toBe(true);
    const floatingIp = snapshot.latestHour!.lines.find((line) => line.providerResourceId === ids.floatingIp);
    expect(floatingIp).toMatchObject({ parentId: ids.winona, region: "ru-3" });
    // The orphan started billing on 2 Oct at 14:20 UTC: charged from the 14:00 hour on.
    expect(total(snapshot.daily, ids.orphan)).toBe(384 * (2 * 24 + 10 + 10));
    const inference = snapshot.latestHour!.lines.find((line) => line.billingType === ids.unknownTypes[0]);
    expect(inference?.quantity).toBe("1800.5");
  });
});
