import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { billingSnapshot, PROJECT, vmWithBootVolume } from "../../unit/sync/fixtures/contract-data";
import { h, sync, statesOf, UNKNOWN, resetBeforeEachTest } from "./sync-harness";

resetBeforeEachTest();

describe("syncConnection: first run, re-runs and changes", () => {
  it("first run creates every resource with a created state, daily cost rows and the run's totals", async () => {
    const result = await sync();
    expect(result.status).toBe("success");
    const resources = await db.resource.findMany({ where: { connectionId: h.connectionId }, orderBy: { providerResourceId: "asc" } });
    expect(resources.map((resource) => [resource.providerResourceId, resource.resourceType])).toEqual([
      ["123456", "account"],
      [PROJECT.id, "project"],
      ["vm-1", "server"],
      ["vm-2", "server"],
    ]);
    const vm1 = resources.find((resource) => resource.providerResourceId === "vm-1")!;
    expect(vm1.hourlyCost.toFixed(6)).toBe("2.240000");
    expect(vm1.dailyCost.toFixed(4)).toBe("53.7600");
    expect(vm1.monthlyCost.toFixed(2)).toBe("1612.80");
    expect(vm1).toMatchObject({ status: "RUNNING", region: "ru-3", isActive: true, isZombie: false, serviceCategory: "Compute", specs: expect.objectContaining({ vcpus: 2, storageGb: 20, ipAddresses: ["10.0.0.5"] }) });

    const states = Object.values(await statesOf(result.syncRunId));
    expect(states).toHaveLength(4);
    expect(states.every((resourceState) => resourceState.change === "created")).toBe(true);

    // 2 VMs × 4 days (their boot volumes inside) + the unknown object's 4 days.
    const costs = await db.costRecord.findMany({ where: { connectionId: h.connectionId }, orderBy: [{ providerResourceId: "asc" }, { chargePeriodStart: "asc" }] });
    expect(costs).toHaveLength(12);
    const first = costs.find((row) => row.providerResourceId === "vm-1")!;
    expect(first).toMatchObject({ resourceId: vm1.id, resourceType: "server", serviceName: "Cloud Servers", regionId: "ru-3", subAccountId: PROJECT.id, billingCurrency: "RUB" });
    expect(first.billedCost.toFixed(2)).toBe("53.76");
    expect(first.effectiveCost.toFixed(2)).toBe("53.76");
    expect(first.chargePeriodStart.toISOString()).toBe("2025-10-01T00:00:00.000Z");
    expect(first.chargePeriodEnd.toISOString()).toBe("2025-10-02T00:00:00.000Z");

    const unknown = await db.unrecognizedResource.findMany({ where: { connectionId: h.connectionId } });
    expect(unknown).toEqual([expect.objectContaining({ providerResourceId: "x-1", billingType: "managed_clickhouse", inferredType: "database", sightings: 1 })]);
    expect(unknown[0]!.monthlyCost?.toFixed(2)).toBe("7200.00");

    const run = await db.syncRun.findUniqueOrThrow({ where: { id: result.syncRunId } });
    expect(run).toMatchObject({ status: "success", currentPhase: null, error: null, resourcesCreated: 4, resourcesUpdated: 0, resourcesDeleted: 0, resourcesUnchanged: 0, currency: "RUB" });
    expect(run.monthlyCostTotal?.toFixed(2)).toBe("3945.60");
    expect(run.totalsByType).toMatchObject({ server: { count: 2, monthlyCost: "3945.60" }, account: { count: 1 }, project: { count: 1 } });
    expect(run.totalsByStatus).toMatchObject({ RUNNING: 2, ACTIVE: 2 });
    const phases = run.phases as { id: string; status: string; durationMs: number; counts: Record<string, number> }[];
    expect(phases.map((phase) => [phase.id, phase.status])).toEqual([
      ["billing", "success"],
      ["group-by-type", "success"],
      ["vms", "success"],
      ["volumes", "success"],
      ["file-storage", "success"],
      ["other-services", "success"],
      ["unification", "success"],
      ["completion", "success"],
    ]);
    expect(phases[7]!.counts).toMatchObject({ created: 4, costRowsCreated: 12, unrecognizedNew: 1 });
    expect(run.startedAt?.toISOString()).toBe("2025-10-04T12:30:00.000Z");

    const connection = await db.cloudConnection.findUniqueOrThrow({ where: { id: h.connectionId } });
    expect(connection).toMatchObject({ status: "active", statusMessage: null, accountId: "123456", accountName: "Acme LLC", balanceCurrency: "RUB" });
    expect(connection.balance?.toFixed(2)).toBe("15000.50");
    expect(connection.lastSyncAt).not.toBeNull();
    expect(connection.lastSuccessfulSyncAt).not.toBeNull();
  });

  it("a re-run with nothing changed records unchanged states and duplicates nothing; unknown types are sighted again", async () => {
    const first = await sync();
    const second = await sync();
    expect(second.status).toBe("success");
    expect(await db.resource.count({ where: { connectionId: h.connectionId } })).toBe(4);
    expect(await db.costRecord.count({ where: { connectionId: h.connectionId } })).toBe(12);
    expect(await db.resourceState.count()).toBe(8);
    const states = Object.values(await statesOf(second.syncRunId));
    expect(states.map((resourceState) => resourceState.change)).toEqual(["unchanged", "unchanged", "unchanged", "unchanged"]);
    expect(states.every((resourceState) => !resourceState.costChanged && !resourceState.statusChanged && !resourceState.configChanged)).toBe(true);
    const run = await db.syncRun.findUniqueOrThrow({ where: { id: second.syncRunId } });
    expect(run).toMatchObject({ resourcesCreated: 0, resourcesUnchanged: 4 });
    expect((run.phases as { id: string; counts: Record<string, number> }[]).at(-1)!.counts).toMatchObject({ costRowsCreated: 0, costRowsUpdated: 0, costRowsUnchanged: 12 });
    const unknown = await db.unrecognizedResource.findFirstOrThrow({ where: { connectionId: h.connectionId } });
    expect(unknown.sightings).toBe(2);
    const history = await db.unrecognizedResourceSighting.findMany({ where: { unrecognizedResourceId: unknown.id } });
    expect(history.map((sighting) => sighting.syncRunId).sort()).toEqual([first.syncRunId, second.syncRunId].sort());
  });

  it("records cost, status and config changes with the right flags and a readable diff", async () => {
    await sync();
    h.state.billing = billingSnapshot([...vmWithBootVolume("vm-1", "web-1", 400, 24), ...vmWithBootVolume("vm-2", "web-2", 300, 24), UNKNOWN]);
    h.state.inventory!.regions[0]!.servers[1]!.status = "SHUTOFF";
    h.state.inventory!.regions[0]!.servers[1]!.flavor = { id: "flavor-4-8", name: "SL1.4-8192", vcpus: 4, ramMb: 8192, diskGb: 0 };
    const result = await sync();
    const states = await statesOf(result.syncRunId);
    expect(states["vm-1"]).toMatchObject({ change: "updated", costChanged: true, statusChanged: false, configChanged: false });
    expect(states["vm-1"]!.diff).toEqual({
      hourlyCost: { before: "2.240000", after: "4.240000" },
      dailyCost: { before: "53.7600", after: "101.7600" },
      monthlyCost: { before: "1612.80", after: "3052.80" },
    });
    expect(states["vm-2"]).toMatchObject({ change: "updated", costChanged: false, statusChanged: true, configChanged: true });
    expect(states["vm-2"]!.diff).toEqual({
      status: { before: "RUNNING", after: "STOPPED" },
      vcpus: { before: 2, after: 4 },
      ramMb: { before: 4096, after: 8192 },
      flavorName: { before: "SL1.2-4096", after: "SL1.4-8192" },
    });
    expect(states["123456"]!.change).toBe("unchanged");
    // The day rows of vm-1 now carry the new rate: updated in place.
    const row = await db.costRecord.findFirstOrThrow({ where: { connectionId: h.connectionId, providerResourceId: "vm-1", chargePeriodStart: new Date("2025-10-02T00:00:00Z") } });
    expect(row.billedCost.toFixed(2)).toBe("101.76");
    expect(await db.costRecord.count({ where: { connectionId: h.connectionId } })).toBe(12);
  });

});
