import { describe, expect, it } from "vitest";
import { ProviderError } from "@/server/providers/errors";
import { runPhasesWithoutDatabase } from "@/server/sync/run-billing-first-sync";
import { createInProcessStep } from "@/server/sync/sync-step";
import {
  account,
  address,
  billingSnapshot,
  fakeContext,
  fakePlugin,
  inventory,
  port,
  PROJECT,
  server,
  vmWithBootVolume,
  volume,
  type FakeProviderState,
  type ObjectSpec,
} from "./fixtures/contract-data";

function twoVmAccount(): FakeProviderState {
  return {
    account: account(),
    billing: billingSnapshot([...vmWithBootVolume("vm-1", "web-1", 200, 24), ...vmWithBootVolume("vm-2", "web-2", 300, 24)]),
    inventory: inventory({
      servers: [server({ id: "vm-1", name: "web-1", addresses: [address("10.0.0.5", "fa:16:3e:00:00:01")] }), server({ id: "vm-2", name: "web-2" })],
      volumes: [
        volume({ id: "vm-1-boot", name: "disk-for-web-1-#1", sizeGb: 20, bootable: true, attachments: [{ serverId: "vm-1", device: "/dev/vda" }] }),
        volume({ id: "vm-2-boot", name: "disk-for-web-2-#1", sizeGb: 20, bootable: true, attachments: [{ serverId: "vm-2", device: "/dev/vda" }] }),
      ],
      ports: [port({ id: "port-1", deviceId: "vm-1", macAddress: "fa:16:3e:00:00:01", fixedIps: ["10.0.0.5"] })],
    }),
    calls: [],
  };
}

async function report(state: FakeProviderState) {
  const plugin = fakePlugin(state);
  return runPhasesWithoutDatabase(plugin, fakeContext(plugin));
}

describe("runPhasesWithoutDatabase (phases 1–7)", () => {
  it("an account with 2 VMs, each with its boot volume, in one project yields 4 resources, not 6", async () => {
    const result = await report(twoVmAccount());
    expect(result.resources.map((resource) => [resource.type, resource.providerResourceId])).toEqual([
      ["account", "123456"],
      ["project", PROJECT.id],
      ["server", "vm-1"],
      ["server", "vm-2"],
    ]);
    const web1 = result.resources[2]!;
    expect(web1).toMatchObject({
      status: "RUNNING",
      region: "ru-3",
      vcpus: 2,
      ramMb: 4096,
      storageGb: 20,
      ipAddresses: ["10.0.0.5"],
      attachedVolumes: [{ id: "vm-1-boot", name: "disk-for-web-1-#1", sizeGb: 20, device: "/dev/vda", bootable: true, volumeType: "universal.ru-3b" }],
      networkInterfaces: [{ id: "port-1", macAddress: "fa:16:3e:00:00:01", ipAddresses: ["10.0.0.5"] }],
      // 200 + 24 kopecks in the latest hour → 2.24 ₽/h, 53.76 ₽/day, 1612.80 ₽/month
      hourlyCost: "2.240000",
      dailyCost: "53.7600",
      monthlyCost: "1612.80",
      // 4 days × 24 h × 2.24 ₽
      periodCost: "215.04",
      currency: "RUB",
      flags: { zombie: false, orphan: false },
    });
    expect(result.resources[0]).toMatchObject({ type: "account", name: "Acme LLC", monthlyCost: "0.00", specs: { balance: "15000.50", daysLeft: 42, currency: "RUB" } });
    expect(result.resources[1]).toMatchObject({ type: "project", name: "production", monthlyCost: "0.00", specs: { resourceCount: 2, monthlyCost: "3945.60" } });
    expect(result.failures).toEqual([]);
    expect(result.phases.map((phase) => [phase.id, phase.status])).toEqual([
      ["billing", "success"],
      ["group-by-type", "success"],
      ["vms", "success"],
      ["volumes", "success"],
      ["file-storage", "success"],
      ["other-services", "success"],
      ["unification", "success"],
    ]);
    expect(result.phases[3]!.counts).toMatchObject({ attached: 2, byServerId: 2, standalone: 0 });
    // One cost row per resource per day; the boot volumes' charges are in their VMs' rows.
    expect(result.costRows).toHaveLength(8);
    expect(result.costRows.find((row) => row.providerResourceId === "vm-1" && row.date === "2025-10-02")).toMatchObject({ costMinor: 224 * 24, resourceType: "server", serviceCategory: "Compute", subAccountId: PROJECT.id, regionId: "ru-3" });
  });

  it("turns floating IPs, databases, shares, clusters into resources, folding a VM's IP into the VM", async () => {
    const state = twoVmAccount();
    const extra: ObjectSpec[] = [
      { id: "fip-1", type: "network_floating_ip", name: "185.91.0.10", parentId: "vm-1", metrics: [{ metric: "network_floatingips", hourly: 21 }] },
      { id: "fip-2", type: "network_floating_ip", name: "185.91.0.11", metrics: [{ metric: "network_floatingips", hourly: 21 }] },
      { id: "db-1", type: "dbaas_postgresql", name: "orders-db", metrics: [{ metric: "dbaas_postgresql_cores", hourly: 500 }] },
      { id: "share-1", type: "share_universal", name: "team-share", metrics: [{ metric: "share_gigabytes_universal", hourly: 40, quantity: "100" }] },
      { id: "k8s-1", type: "mks_cluster", name: "prod-k8s", metrics: [{ metric: "mks_cluster_ha", hourly: 400 }] },
    ];
    state.billing = billingSnapshot([...vmWithBootVolume("vm-1", "web-1", 200, 24), ...vmWithBootVolume("vm-2", "web-2", 300, 24), ...extra]);
    const result = await report(state);
    const byId = new Map(result.resources.map((resource) => [resource.providerResourceId, resource]));
    expect(byId.has("fip-1")).toBe(false);
    expect(byId.get("vm-1")).toMatchObject({ ipAddresses: ["10.0.0.5", "185.91.0.10"], hourlyCost: "2.450000" });
    expect(byId.get("fip-2")).toMatchObject({ type: "floating_ip", status: "ACTIVE", flags: { orphan: true }, ipAddresses: ["185.91.0.11"], hourlyCost: "0.210000", serviceCategory: "Networking" });
    expect(byId.get("db-1")).toMatchObject({ type: "database", serviceName: "Managed Databases", monthlyCost: "3600.00" });
    expect(byId.get("share-1")).toMatchObject({ type: "file_storage", storageGb: 100 });
    expect(byId.get("k8s-1")).toMatchObject({ type: "kubernetes" });
    expect(result.resources).toHaveLength(4 + 4);
  });

  it("records unknown billing types as unrecognized with a guess, and keeps their daily costs", async () => {
    const state = twoVmAccount();
    state.billing = billingSnapshot([
      ...vmWithBootVolume("vm-1", "web-1", 200, 24),
      ...vmWithBootVolume("vm-2", "web-2", 300, 24),
      { id: "x-1", type: "managed_clickhouse", name: "analytics", metrics: [{ metric: "clickhouse_node_hours", hourly: 1000 }] },
      { id: "x-2", type: "quantum_teleporter", name: "qt", metrics: [{ metric: "qubit_hours", hourly: 1 }] },
    ]);
    const result = await report(state);
    expect(result.resources).toHaveLength(4);
    expect(result.unrecognized).toEqual([
      expect.objectContaining({ providerResourceId: "x-1", billingType: "managed_clickhouse", inferredType: "database", monthlyCost: "7200.00", currency: "RUB", rawBilling: [expect.objectContaining({ value: 1000 })] }),
      expect.objectContaining({ providerResourceId: "x-2", inferredType: null, monthlyCost: "7.20" }),
    ]);
    expect(result.costRows.filter((row) => row.providerResourceId === "x-1")).toHaveLength(4);
    expect(result.costRows.find((row) => row.providerResourceId === "x-1")).toMatchObject({ resourceType: "managed_clickhouse", serviceCategory: "Other" });
  });

  it("marks zombies, keeps failed scopes out of it and reports the failure", async () => {
    const state = twoVmAccount();
    state.inventory = inventory({ servers: [server({ id: "vm-1", name: "web-1" })] });
    const zombie = await report(state);
    expect(zombie.resources.find((resource) => resource.providerResourceId === "vm-2")).toMatchObject({ status: "DELETED_BILLED", flags: { zombie: true }, vcpus: 2, storageGb: 20, hourlyCost: "3.240000" });

    state.inventory = { regions: [], failures: [{ projectId: PROJECT.id, region: "ru-3", error: "compute: 503" }] };
    const failed = await report(state);
    expect(failed.failures).toEqual([{ phase: "vms", projectId: PROJECT.id, region: "ru-3", error: "compute: 503" }]);
    expect(failed.resources.filter((resource) => resource.type === "server").map((resource) => [resource.status, resource.flags.zombie, resource.inventory])).toEqual([
      ["UNKNOWN", false, "scope_failed"],
      ["UNKNOWN", false, "scope_failed"],
    ]);
  });

  it("a whole inventory outage is a failure of every scope, not an error", async () => {
    const state = twoVmAccount();
    state.fail = { at: "collectInventory", error: new ProviderError("Fake compute: 503", { provider: "fake", kind: "unavailable" }) };
    const result = await report(state);
    expect(result.failures).toEqual([{ phase: "vms", projectId: null, region: null, error: "Fake compute: 503" }]);
    expect(result.resources.filter((resource) => resource.type === "server").every((resource) => !resource.flags.zombie)).toBe(true);
  });

  it("throws the provider's auth error, from billing or from inventory", async () => {
    const state = twoVmAccount();
    state.fail = { at: "testConnection", error: new ProviderError("Fake identity: 401 — Invalid API key", { provider: "fake", kind: "auth", status: 401, providerMessage: "Invalid API key" }) };
    await expect(report(state)).rejects.toMatchObject({ name: "ProviderError", kind: "auth", message: "Fake identity: 401 — Invalid API key", providerMessage: "Invalid API key" });
    expect(state.calls).toEqual(["testConnection"]);
    state.fail = { at: "collectInventory", error: new ProviderError("Fake identity: 401 — token expired", { provider: "fake", kind: "auth", status: 401 }) };
    await expect(report(state)).rejects.toMatchObject({ kind: "auth", message: "Fake identity: 401 — token expired" });
  });

  it("without hourly data, uses the latest day: hourly = day ÷ 24", async () => {
    const state = twoVmAccount();
    state.billing = billingSnapshot(vmWithBootVolume("vm-1", "web-1", 200, 24), { withoutHourly: true });
    state.inventory = inventory({ servers: [server({ id: "vm-1", name: "web-1" })] });
    const vm = (await report(state)).resources.find((resource) => resource.providerResourceId === "vm-1");
    expect(vm).toMatchObject({ hourlyCost: "2.240000", dailyCost: "53.7600", monthlyCost: "1612.80" });
  });

  it("objects deleted earlier in the window are not resources but keep their cost rows", async () => {
    const state = twoVmAccount();
    state.billing = billingSnapshot([...vmWithBootVolume("vm-1", "web-1", 200, 24), { id: "old-db", type: "dbaas_mysql", name: "old", metrics: [{ metric: "dbaas_mysql_cores", hourly: 50 }], current: false, days: ["2025-10-01"] }]);
    const result = await report(state);
    expect(result.resources.some((resource) => resource.providerResourceId === "old-db")).toBe(false);
    expect(result.costRows.filter((row) => row.providerResourceId === "old-db")).toEqual([expect.objectContaining({ date: "2025-10-01", costMinor: 1200, resourceType: "database" })]);
  });
});

describe("createInProcessStep", () => {
  it("passes results through JSON like Inngest's memoization and refuses a reused id", async () => {
    const step = createInProcessStep();
    const value = await step.run("a", async () => ({ when: new Date("2025-10-04T00:00:00Z"), gone: undefined }));
    expect(value).toEqual({ when: "2025-10-04T00:00:00.000Z" });
    await expect(step.run("a", async () => 1)).rejects.toThrow(/used twice/);
  });
});
