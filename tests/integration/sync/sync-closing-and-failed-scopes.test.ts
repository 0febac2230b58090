import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { billingSnapshot, PROJECT, vmWithBootVolume, volume, inventory, type ObjectSpec } from "../../unit/sync/fixtures/contract-data";
import { h, sync, statesOf, UNKNOWN, resetBeforeEachTest } from "./sync-harness";

resetBeforeEachTest();

describe("syncConnection: disappearing resources and failed scopes", () => {
  it("closes a VM that is gone (deleted state, cost history kept) and flags a billed VM missing from inventory as zombie", async () => {
    await sync();
    // vm-1 deleted: no longer charged now, its past days remain in billing; vm-2 still charged but gone from OpenStack.
    h.state.billing = billingSnapshot([
      ...vmWithBootVolume("vm-1", "web-1", 200, 24).map((object) => ({ ...object, current: false })),
      ...vmWithBootVolume("vm-2", "web-2", 300, 24),
      UNKNOWN,
    ]);
    h.state.inventory = inventory({});
    const result = await sync();
    expect(result.status).toBe("success");
    const states = await statesOf(result.syncRunId);
    expect(states["vm-1"]).toMatchObject({ change: "deleted", statusChanged: true });
    expect(states["vm-1"]!.diff).toEqual({ isActive: { before: true, after: false }, status: { before: "RUNNING", after: "DELETED" } });
    const vm1 = await db.resource.findFirstOrThrow({ where: { connectionId: h.connectionId, providerResourceId: "vm-1" } });
    expect(vm1).toMatchObject({ isActive: false, status: "DELETED" });
    expect(vm1.closedAt).not.toBeNull();
    expect(states["vm-2"]).toMatchObject({ change: "updated", statusChanged: true });
    const vm2 = await db.resource.findFirstOrThrow({ where: { connectionId: h.connectionId, providerResourceId: "vm-2" } });
    expect(vm2).toMatchObject({ status: "DELETED_BILLED", isZombie: true, isActive: true });
    // vm-1's billed days stay; its boot volume's charges are rows of their own now that no VM absorbs them.
    const vm1Rows = await db.costRecord.findMany({ where: { connectionId: h.connectionId, providerResourceId: { in: ["vm-1", "vm-1-boot"] } } });
    expect(vm1Rows).toHaveLength(8);
    const day = (id: string) => vm1Rows.find((row) => row.providerResourceId === id && row.chargePeriodStart.toISOString().startsWith("2025-10-02"))!;
    expect(day("vm-1").billedCost.toFixed(2)).toBe("48.00");
    expect(day("vm-1").resourceId).toBe(vm1.id);
    expect(day("vm-1-boot").billedCost.toFixed(2)).toBe("5.76");
    expect(day("vm-1-boot").resourceType).toBe("volume");
    const run = await db.syncRun.findUniqueOrThrow({ where: { id: result.syncRunId } });
    // vm-2 became a zombie; the project's resource count lives in specs and is not a change.
    expect(run).toMatchObject({ resourcesDeleted: 1, resourcesUpdated: 1, resourcesUnchanged: 2 });
  });

  it("moves a volume's cost rows into its VM's once it is attached, without counting them twice", async () => {
    const loose: ObjectSpec = { id: "vol-9", type: "volume_fast", name: "data", metrics: [{ metric: "volume_gigabytes_fast", hourly: 30, quantity: "15" }] };
    h.state.billing = billingSnapshot([...vmWithBootVolume("vm-1", "web-1", 200, 24), loose]);
    h.state.inventory!.regions[0]!.servers.pop();
    h.state.inventory!.regions[0]!.volumes = [h.state.inventory!.regions[0]!.volumes[0]!, volume({ id: "vol-9", name: "data", status: "available", sizeGb: 15, volumeType: "fast.ru-3b" })];
    await sync();
    const orphan = await db.resource.findFirstOrThrow({ where: { connectionId: h.connectionId, providerResourceId: "vol-9" } });
    expect(orphan).toMatchObject({ resourceType: "volume", isOrphan: true, status: "AVAILABLE" });
    const total = async () => (await db.costRecord.findMany({ where: { connectionId: h.connectionId } })).reduce((sum, row) => sum + Number(row.billedCost.toFixed(2)) * 100, 0);
    const before = await total();

    h.state.inventory!.regions[0]!.volumes[1]!.attachments = [{ serverId: "vm-1", device: "/dev/vdb" }];
    h.state.inventory!.regions[0]!.volumes[1]!.status = "in-use";
    const result = await sync();
    const states = await statesOf(result.syncRunId);
    expect(states["vol-9"]).toMatchObject({ change: "deleted" });
    expect(states["vm-1"]).toMatchObject({ change: "updated", costChanged: true, configChanged: true });
    expect(await db.costRecord.count({ where: { connectionId: h.connectionId, providerResourceId: "vol-9" } })).toBe(0);
    const vmDay = await db.costRecord.findFirstOrThrow({ where: { connectionId: h.connectionId, providerResourceId: "vm-1", chargePeriodStart: new Date("2025-10-01T00:00:00Z") } });
    // (200 + 24 + 30) kopecks × 24 hours
    expect(vmDay.billedCost.toFixed(2)).toBe("60.96");
    expect(await total()).toBe(before);
  });

  it("keeps resources of a failed project × region active and unchanged in inventory fields; the run is partial", async () => {
    await sync();
    h.state.billing = billingSnapshot([...vmWithBootVolume("vm-2", "web-2", 300, 24)]);
    h.state.inventory = { regions: [], failures: [{ projectId: PROJECT.id, region: "ru-3", error: "Fake compute: 503" }] };
    const result = await sync();
    expect(result.status).toBe("partial");
    const resources = await db.resource.findMany({ where: { connectionId: h.connectionId }, orderBy: { providerResourceId: "asc" } });
    // vm-1 is not billed now, but its scope failed: nothing is closed.
    expect(resources.every((resource) => resource.isActive)).toBe(true);
    const vm2 = resources.find((resource) => resource.providerResourceId === "vm-2")!;
    expect(vm2).toMatchObject({ status: "RUNNING", isZombie: false, specs: expect.objectContaining({ vcpus: 2, storageGb: 20, inventory: "scope_failed" }) });
    const states = await statesOf(result.syncRunId);
    expect(states["vm-1"]).toBeUndefined();
    expect(states["vm-2"]!.change).toBe("unchanged");
    const run = await db.syncRun.findUniqueOrThrow({ where: { id: result.syncRunId } });
    expect(run).toMatchObject({ status: "partial", resourcesDeleted: 0 });
    expect(run.error).toContain("Fake compute: 503");
    const connection = await db.cloudConnection.findUniqueOrThrow({ where: { id: h.connectionId } });
    expect(connection.status).toBe("active");
    expect(connection.statusMessage).toContain("Fake compute: 503");
    // The unknown object vanished from billing entirely; its record stays for someone to resolve.
    expect(await db.unrecognizedResource.count({ where: { connectionId: h.connectionId } })).toBe(1);
  });

});
