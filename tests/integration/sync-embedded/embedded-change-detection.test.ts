import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { SyncCompletedData } from "@/inngest/events";
import { db } from "@/server/db";
import type { SandboxScenario } from "@/server/sandbox/scenario";
import { SELECTEL_SEED_RATES, selectelSeedScenario } from "@/server/sandbox/scenarios/selectel-seed";
import { SYSTEM_IDENTITY } from "@/server/services/audit/record-audit-event";
import { queueConnectionSync } from "@/server/services/sync/request-connection-sync";
import { localSyncEvents } from "@/server/sync/embedded/local-sync-events";
import { resetBetweenTests, selectelConnection, startSelectel } from "./embedded-harness";

resetBetweenTests();

const AVA = { id: "4a7a0000-1111-4e5f-8a9b-0c1d2e3f4a99", volumeId: "d15c0d03-0b0e-4d1c-9a7f-5e3b2c1d0a03", portId: "c0a80063-2f4e-4d6a-8b1c-3e5f7a9b1c99" };
const BIG_FLAVOR = { id: "1013", name: "SL1.2-4096", vcpus: 2, ramMb: 4096, diskGb: 0 };
const doreen = () => selectelSeedScenario.servers.find((server) => server.name === "Doreen")!;
const tilly = () => selectelSeedScenario.servers.find((server) => server.name === "Tilly")!;

/** Day 1: the seed account (Doreen, Tilly) plus a new VM, Ava, with her boot volume. */
function withAva(): SandboxScenario {
  const scenario = structuredClone(selectelSeedScenario);
  const template = scenario.servers[0]!;
  const project = template.projectId;
  scenario.servers.push({ ...structuredClone(template), id: AVA.id, name: "Ava", nics: [{ ...template.nics[0]!, portId: AVA.portId, ip: "192.168.0.99", mac: "fa:16:3e:00:00:99" }] });
  scenario.volumes.push({ ...structuredClone(scenario.volumes[0]!), id: AVA.volumeId, name: "disk-for-Ava-#1", attachment: { serverId: AVA.id, device: "/dev/sda" } });
  const vmBilling = scenario.billing.find((object) => object.id === template.id)!;
  const volumeBilling = scenario.billing.find((object) => object.parentId === template.id)!;
  scenario.billing.push({ ...structuredClone(vmBilling), id: AVA.id, name: "Ava" }, { ...structuredClone(volumeBilling), id: AVA.volumeId, name: "disk-for-Ava-#1", parentId: AVA.id, projectId: project });
  return scenario;
}

/** Day 2: Ava resized to 2 vCPU / 4 GB (dearer), Tilly stopped. */
function avaResizedTillyStopped(): SandboxScenario {
  const scenario = withAva();
  scenario.flavors.push(BIG_FLAVOR);
  scenario.servers.find((server) => server.id === AVA.id)!.flavorId = BIG_FLAVOR.id;
  scenario.billing.find((object) => object.id === AVA.id)!.metrics = [
    { id: "compute_cores", name: "vCPU", unit: "item", quantityPerHour: "2", kopecksPerHour: 2 * SELECTEL_SEED_RATES.vcpu },
    { id: "compute_ram", name: "RAM", unit: "MB", quantityPerHour: "4096", kopecksPerHour: 4 * SELECTEL_SEED_RATES.ram1Gb },
  ];
  scenario.servers.find((server) => server.id === tilly().id)!.status = "SHUTOFF";
  return scenario;
}

/** Day 3: Doreen deleted, with her volume, from inventory and billing alike. */
function doreenDeleted(): SandboxScenario {
  const scenario = avaResizedTillyStopped();
  const gone = doreen();
  scenario.servers = scenario.servers.filter((server) => server.id !== gone.id);
  scenario.volumes = scenario.volumes.filter((volume) => volume.attachment?.serverId !== gone.id);
  scenario.billing = scenario.billing.filter((object) => object.id !== gone.id && object.parentId !== gone.id);
  return scenario;
}

const completed: SyncCompletedData[] = [];
const onCompleted = (event: { data: SyncCompletedData }) => completed.push(event.data);
beforeAll(() => localSyncEvents.on("connection/sync.completed", onCompleted));
afterAll(() => localSyncEvents.off("connection/sync.completed", onCompleted));
afterEach(() => {
  completed.length = 0;
});

async function syncAgainst(connection: { id: string; organizationId: string }, scenario: SandboxScenario) {
  const { config } = await startSelectel(scenario);
  await db.cloudConnection.update({ where: { id: connection.id }, data: { endpointOverrides: config.endpoints } });
  const queued = await queueConnectionSync(db, SYSTEM_IDENTITY, { organizationId: connection.organizationId, connectionId: connection.id, trigger: "manual" });
  expect(queued).toMatchObject({ alreadyRunning: false, mode: "embedded" });
  await queued.done;
  const run = await db.syncRun.findUniqueOrThrow({ where: { id: queued.syncRunId } });
  expect(run.status).toBe("success");
  const states = await db.resourceState.findMany({ where: { syncRunId: run.id }, include: { resource: { select: { name: true } } } });
  return { run, byName: Object.fromEntries(states.map((state) => [state.resource.name, state])) };
}

const changes = (byName: Record<string, { change: string }>) => Object.fromEntries(Object.entries(byName).map(([name, state]) => [name, state.change]));

describe("embedded sync: change detection across three consecutive days of one account", () => {
  it("marks created, updated (cost, status, config), deleted and unchanged resources, run by run", async () => {
    const { connection } = await selectelConnection(withAva());

    const day1 = await syncAgainst(connection, withAva());
    expect(changes(day1.byName)).toEqual({ "Selectel 123456": "created", "My First Project": "created", Doreen: "created", Tilly: "created", Ava: "created" });
    expect(day1.run).toMatchObject({ resourcesCreated: 5, resourcesUpdated: 0, resourcesDeleted: 0, resourcesUnchanged: 0 });

    const day2 = await syncAgainst(connection, avaResizedTillyStopped());
    expect(changes(day2.byName)).toEqual({ "Selectel 123456": "unchanged", "My First Project": "unchanged", Doreen: "unchanged", Tilly: "updated", Ava: "updated" });
    expect(day2.byName.Ava).toMatchObject({ costChanged: true, configChanged: true, statusChanged: false });
    expect(day2.byName.Ava!.diff).toMatchObject({ flavorName: { before: "SL1.1-1024", after: "SL1.2-4096" }, vcpus: { before: 1, after: 2 }, ramMb: { before: 1024, after: 4096 }, monthlyCost: { before: "756.00" } });
    expect(day2.byName.Tilly).toMatchObject({ statusChanged: true, costChanged: false, configChanged: false, diff: { status: { before: "RUNNING", after: "STOPPED" } } });
    expect(day2.run).toMatchObject({ resourcesCreated: 0, resourcesUpdated: 2, resourcesDeleted: 0, resourcesUnchanged: 3 });

    const day3 = await syncAgainst(connection, doreenDeleted());
    expect(changes(day3.byName)).toEqual({ "Selectel 123456": "unchanged", "My First Project": "unchanged", Doreen: "deleted", Tilly: "unchanged", Ava: "unchanged" });
    expect(day3.byName.Doreen).toMatchObject({ statusChanged: true, diff: { isActive: { before: true, after: false } } });
    expect(day3.run).toMatchObject({ resourcesCreated: 0, resourcesUpdated: 0, resourcesDeleted: 1, resourcesUnchanged: 4 });

    const resources = await db.resource.findMany({ where: { connectionId: connection.id }, orderBy: { name: "asc" } });
    expect(resources.map((resource) => [resource.name, resource.isActive, resource.status])).toEqual([
      ["Ava", true, "RUNNING"],
      ["Doreen", false, "DELETED"],
      ["My First Project", true, "ACTIVE"],
      ["Selectel 123456", true, "ACTIVE"],
      ["Tilly", true, "STOPPED"],
    ]);
    expect(resources.find((resource) => resource.name === "Ava")!.monthlyCost.toFixed(2)).toBe((((2 * SELECTEL_SEED_RATES.vcpu + 4 * SELECTEL_SEED_RATES.ram1Gb + SELECTEL_SEED_RATES.universalVolume5Gb) * 720) / 100).toFixed(2));

    // Each run's completion event names what changed.
    const ids = Object.fromEntries(resources.map((resource) => [resource.name, resource.id]));
    expect(completed.map((event) => [event.syncRunId, event.counts])).toEqual([
      [day1.run.id, { created: 5, updated: 0, deleted: 0, unchanged: 0 }],
      [day2.run.id, { created: 0, updated: 2, deleted: 0, unchanged: 3 }],
      [day3.run.id, { created: 0, updated: 0, deleted: 1, unchanged: 4 }],
    ]);
    expect([...completed[1]!.changedResourceIds].sort()).toEqual([ids.Ava, ids.Tilly].sort());
    expect(completed[2]!.changedResourceIds).toEqual([ids.Doreen]);
    expect(await db.syncArtifact.count()).toBe(0);
  });
});
