import { describe, expect, it } from "vitest";
import { collectBillingPhase } from "@/server/sync/phases/01-billing";
import { groupBillingByType, type BillingGroups } from "@/server/sync/phases/02-group-by-type";
import { combineVmResources, networkInterfacesFor } from "@/server/sync/phases/combine-vm-resources";
import { account, address, billingSnapshot, fakeContext, fakePlugin, inventory, port, PROJECT, server, type ObjectSpec } from "./fixtures/contract-data";

async function groupsOf(objects: ObjectSpec[]): Promise<BillingGroups> {
  const plugin = fakePlugin({ account: account(), billing: billingSnapshot(objects), inventory: null, calls: [] });
  return groupBillingByType(await collectBillingPhase(plugin, fakeContext(plugin)));
}

const VM = (id: string, name = id, region: string | null = "ru-3b"): ObjectSpec => ({
  id,
  type: "cloud_vm",
  name,
  region,
  metrics: [
    { metric: "compute_cores", hourly: 88, quantity: "4", unit: "item" },
    { metric: "compute_ram", hourly: 96, quantity: "8192", unit: "MB" },
  ],
});

describe("networkInterfacesFor", () => {
  const vm = server({ id: "vm-1", name: "web-1", addresses: [address("10.0.0.5", "fa:16:3e:00:00:01"), address("185.91.0.10", "fa:16:3e:00:00:01", "floating"), address("10.1.0.7", "fa:16:3e:00:00:02")] });

  it("builds NICs from the server's compute ports only (not router or DHCP ports, not other servers')", () => {
    const ports = [
      port({ id: "port-b", deviceId: "vm-1", deviceOwner: "compute:ru-3b", macAddress: "fa:16:3e:00:00:02", fixedIps: ["10.1.0.7"] }),
      port({ id: "port-a", deviceId: "vm-1", deviceOwner: "compute:nova", macAddress: "fa:16:3e:00:00:01", fixedIps: ["10.0.0.5"] }),
      port({ id: "port-router", deviceId: "vm-1", deviceOwner: "network:router_interface", macAddress: "fa:16:3e:00:00:09", fixedIps: ["10.0.0.1"] }),
      port({ id: "port-dhcp", deviceId: "dhcp-1", deviceOwner: "network:dhcp", fixedIps: ["10.0.0.2"] }),
      port({ id: "port-other", deviceId: "vm-2", deviceOwner: "compute:nova", fixedIps: ["10.0.0.9"] }),
    ];
    expect(networkInterfacesFor(vm, ports)).toEqual([
      { id: "port-a", macAddress: "fa:16:3e:00:00:01", ipAddresses: ["10.0.0.5", "185.91.0.10"] },
      { id: "port-b", macAddress: "fa:16:3e:00:00:02", ipAddresses: ["10.1.0.7"] },
    ]);
  });

  it("falls back to the server's addresses grouped by MAC when no port is visible", () => {
    expect(networkInterfacesFor(vm, [])).toEqual([
      { id: null, macAddress: "fa:16:3e:00:00:01", ipAddresses: ["10.0.0.5", "185.91.0.10"] },
      { id: null, macAddress: "fa:16:3e:00:00:02", ipAddresses: ["10.1.0.7"] },
    ]);
  });
});

describe("combineVmResources", () => {
  it("enriches a billed VM from the inventory: flavor, IPs, NICs, normalized status, region not AZ", async () => {
    const groups = await groupsOf([VM("vm-1", "web-1")]);
    const inv = inventory({
      servers: [server({ id: "vm-1", name: "web-1", status: "shutoff", zone: "ru-3b", addresses: [address("10.0.0.5", "fa:16:3e:00:00:01")] })],
      ports: [port({ id: "port-1", deviceId: "vm-1", macAddress: "fa:16:3e:00:00:01", fixedIps: ["10.0.0.5"] })],
    });
    const [vm] = combineVmResources(groups, { collected: true, regions: inv.regions }, [], {});
    expect(vm).toMatchObject({
      providerResourceId: "vm-1",
      name: "web-1",
      type: "server",
      status: "STOPPED",
      region: "ru-3",
      projectId: PROJECT.id,
      projectName: PROJECT.name,
      vcpus: 2,
      ramMb: 4096,
      flavorName: "SL1.2-4096",
      ipAddresses: ["10.0.0.5"],
      networkInterfaces: [{ id: "port-1", macAddress: "fa:16:3e:00:00:01", ipAddresses: ["10.0.0.5"] }],
      flags: { zombie: false, orphan: false },
      inventory: "found",
      cost: { kind: "hourly", minor: 184 },
    });
    expect(vm?.specs).toMatchObject({ zone: "ru-3b", flavorId: "flavor-2-4" });
  });

  it("a VM billed now but absent from a readable inventory is a zombie (DELETED_BILLED) sized from billing", async () => {
    const groups = await groupsOf([VM("vm-gone", "old-app")]);
    const [vm] = combineVmResources(groups, { collected: true, regions: inventory({}).regions }, [], {});
    expect(vm).toMatchObject({ status: "DELETED_BILLED", flags: { zombie: true, orphan: false }, region: "ru-3", vcpus: 4, ramMb: 8192, inventory: "missing", cost: { minor: 184 } });
  });

  it("is not a zombie when its project × region failed, nor when the provider has no inventory", async () => {
    const groups = await groupsOf([VM("vm-1")]);
    const failed = combineVmResources(groups, { collected: true, regions: [] }, [{ phase: "vms", projectId: PROJECT.id, region: "ru-3", error: "503" }], {});
    expect(failed[0]).toMatchObject({ status: "UNKNOWN", flags: { zombie: false }, inventory: "scope_failed" });
    const otherRegionFailed = combineVmResources(groups, { collected: true, regions: [] }, [{ phase: "vms", projectId: PROJECT.id, region: "ru-7", error: "503" }], {});
    expect(otherRegionFailed[0]).toMatchObject({ flags: { zombie: true }, inventory: "missing" });
    const none = combineVmResources(groups, { collected: false, regions: [] }, [], {});
    expect(none[0]).toMatchObject({ status: "UNKNOWN", flags: { zombie: false }, inventory: "not_collected" });
  });

  it("drops VMs deleted earlier in the window (billed on past days only, not in inventory)", async () => {
    const groups = await groupsOf([{ ...VM("vm-old"), current: false, days: ["2025-10-01"] }]);
    expect(combineVmResources(groups, { collected: true, regions: inventory({}).regions }, [], {})).toEqual([]);
  });

  it("keeps servers the inventory shows but billing does not charge, at zero cost", async () => {
    const groups = await groupsOf([]);
    const vms = combineVmResources(groups, { collected: true, regions: inventory({ servers: [server({ id: "vm-new", name: "fresh", status: "BUILD" })] }).regions }, [], { [PROJECT.id]: "production" });
    expect(vms).toHaveLength(1);
    expect(vms[0]).toMatchObject({ status: "PENDING", cost: { minor: 0 }, projectName: "production", specs: { billed: false } });
  });
});
