import { describe, expect, it } from "vitest";
import type { InventorySnapshot } from "@/server/providers/contract";
import { collectBillingPhase } from "@/server/sync/phases/01-billing";
import { groupBillingByType } from "@/server/sync/phases/02-group-by-type";
import { attachVolumes } from "@/server/sync/phases/04-volumes";
import { combineVmResources } from "@/server/sync/phases/combine-vm-resources";
import { costFigures } from "@/server/sync/model/money";
import { account, billingSnapshot, fakeContext, fakePlugin, inventory, server, volume, type ObjectSpec } from "./fixtures/contract-data";

const VM: ObjectSpec = { id: "vm-1", type: "cloud_vm", name: "web-1", metrics: [{ metric: "compute_cores", hourly: 100, quantity: "2" }] };

async function run(objects: ObjectSpec[], inv: InventorySnapshot) {
  const plugin = fakePlugin({ account: account(), billing: billingSnapshot(objects), inventory: inv, calls: [] });
  const groups = groupBillingByType(await collectBillingPhase(plugin, fakeContext(plugin)));
  const view = { collected: true, regions: inv.regions };
  const vms = combineVmResources(groups, view, inv.failures.map((failure) => ({ phase: "vms", ...failure })), {});
  return attachVolumes(groups, view, inv.failures.map((failure) => ({ phase: "vms", ...failure })), vms, {});
}

describe("attachVolumes", () => {
  it("attaches by Cinder attachment server_id: size, device and cost merge into the VM, no volume resource", async () => {
    const result = await run(
      [VM, { id: "vol-1", type: "volume_universal", name: "data", metrics: [{ metric: "volume_gigabytes_universal", hourly: 24, quantity: "50" }] }],
      inventory({
        servers: [server({ id: "vm-1", name: "web-1" })],
        volumes: [volume({ id: "vol-1", name: "data", sizeGb: 50, bootable: true, attachments: [{ serverId: "vm-1", device: "/dev/vda" }] })],
      }),
    );
    expect(result.volumes).toEqual([]);
    expect(result.attached).toEqual([{ volumeId: "vol-1", serverId: "vm-1", rule: "server_id" }]);
    const vm = result.vms[0]!;
    expect(vm.attachedVolumes).toEqual([{ id: "vol-1", name: "data", sizeGb: 50, device: "/dev/vda", bootable: true, volumeType: "universal.ru-3b" }]);
    expect(vm.storageGb).toBe(50);
    expect(vm.cost).toEqual({ kind: "hourly", minor: 124 });
    expect(vm.billingIds).toEqual(["vm-1", "vol-1"]);
    // Daily rows of VM and volume are one resource's rows now: (100 + 24) × 24 kopecks a day.
    expect(vm.daily[0]).toEqual({ date: "2025-10-01", costMinor: 2976 });
  });

  it("attaches by billing parentId when the inventory has no attachment (zombie VM keeps its disk)", async () => {
    const result = await run([VM, { id: "vol-2", type: "volume_fast", name: "scratch", parentId: "vm-1", metrics: [{ metric: "volume_gigabytes_fast", hourly: 30, quantity: "15" }] }], inventory({}));
    expect(result.volumes).toEqual([]);
    expect(result.attached).toEqual([{ volumeId: "vol-2", serverId: "vm-1", rule: "parent_id" }]);
    expect(result.vms[0]).toMatchObject({ flags: { zombie: true }, storageGb: 15, cost: { minor: 130 } });
    expect(result.vms[0]!.attachedVolumes[0]).toMatchObject({ id: "vol-2", sizeGb: 15, volumeType: "fast", device: null });
  });

  it("attaches by the disk-for-<vm name>-#N rule when nothing else says", async () => {
    const result = await run(
      [{ ...VM, name: "my-app-2" }],
      inventory({ servers: [server({ id: "vm-1", name: "my-app-2", status: "SHELVED_OFFLOADED" })], volumes: [volume({ id: "vol-3", name: "disk-for-my-app-2-#1", status: "available", sizeGb: 20 })] }),
    );
    expect(result.attached).toEqual([{ volumeId: "vol-3", serverId: "vm-1", rule: "name" }]);
    expect(result.vms[0]).toMatchObject({ status: "SUSPENDED", storageGb: 20 });
    // Not billed: attached without adding cost.
    expect(result.vms[0]!.cost.minor).toBe(100);
  });

  it("does not guess between two VMs of the same name in other projects", async () => {
    const result = await run(
      [],
      {
        regions: [
          { projectId: "p1", region: "ru-3", servers: [server({ id: "a", name: "twin", projectId: "p1" })], volumes: [], ports: [] },
          { projectId: "p2", region: "ru-3", servers: [server({ id: "b", name: "twin", projectId: "p2" })], volumes: [volume({ id: "v", name: "disk-for-twin-#1", projectId: "p3", status: "available" })], ports: [] },
        ],
        failures: [],
      },
    );
    expect(result.attached).toEqual([]);
    expect(result.volumes.map((v) => v.providerResourceId)).toEqual(["v"]);
  });

  it("an unattached billed volume is an orphan resource with its billed cost", async () => {
    const result = await run([{ id: "vol-4", type: "volume_basic", name: "orphan-volume", metrics: [{ metric: "volume_gigabytes_basic", hourly: 15, quantity: "30" }] }], inventory({ volumes: [volume({ id: "vol-4", name: "orphan-volume", status: "available", sizeGb: 30, volumeType: "basic.ru-3b" })] }));
    expect(result.volumes).toHaveLength(1);
    expect(result.volumes[0]).toMatchObject({ type: "volume", status: "AVAILABLE", storageGb: 30, flags: { orphan: true, zombie: false }, cost: { kind: "hourly", minor: 15 }, specs: { pricing: "billed" } });
  });

  it("an unattached volume billing does not charge is priced by its tier, exact to the kopeck", async () => {
    const result = await run([], inventory({ volumes: [volume({ id: "vol-5", name: "leftover", status: "available", sizeGb: 100, volumeType: "universal.ru-3b" })] }));
    const orphan = result.volumes[0]!;
    expect(orphan).toMatchObject({ flags: { orphan: true }, cost: { kind: "monthly", minor: 185_500 }, specs: { pricing: "tier", tier: "SSD universal", tierRubPerGbMonth: "18.55" } });
    expect(costFigures(orphan.cost)).toEqual({ hourly: "2.576389", daily: "61.8333", monthly: "1855.00" });
  });

  it("a billed volume absent from the inventory is an orphan zombie; in a failed scope it is neither", async () => {
    const objects: ObjectSpec[] = [{ id: "vol-6", type: "volume_universal", name: "ghost", metrics: [{ metric: "volume_gigabytes_universal", hourly: 10, quantity: "5" }] }];
    const missing = await run(objects, inventory({}));
    expect(missing.volumes[0]).toMatchObject({ status: "DELETED_BILLED", flags: { orphan: true, zombie: true }, storageGb: 5 });
    const failed = await run(objects, { regions: [], failures: [{ projectId: null, region: "ru-3", error: "timeout" }] });
    expect(failed.volumes[0]).toMatchObject({ status: "ACTIVE", flags: { orphan: false, zombie: false }, inventory: "scope_failed" });
  });

  it("a volume attached to a server this sync does not know stays a volume, not an orphan", async () => {
    const result = await run([], inventory({ volumes: [volume({ id: "vol-7", name: "shared", attachments: [{ serverId: "elsewhere", device: "/dev/vdb" }] })] }));
    expect(result.volumes[0]).toMatchObject({ status: "IN_USE", flags: { orphan: false }, specs: { attachedTo: ["elsewhere"] } });
  });
});
