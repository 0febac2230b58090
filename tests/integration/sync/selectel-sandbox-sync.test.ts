import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { SandboxState, withFaults, type SandboxFaults } from "@/server/sandbox/http/sandbox-faults";
import { startSandboxServer, type RunningSandbox } from "@/server/sandbox/http/start-sandbox-server";
import { getSandbox } from "@/server/sandbox/registry";
import type { SandboxScenario } from "@/server/sandbox/scenario";
import { selectelMultiProjectScenario } from "@/server/sandbox/scenarios/selectel-multi-project";
import { SELECTEL_SEED_RATES, selectelSeedScenario } from "@/server/sandbox/scenarios/selectel-seed";
import { encryptCredentials } from "@/server/security/credentials-cipher";
import { syncConnection } from "@/server/sync/run-billing-first-sync";
import { createUserWithOrganization } from "../helpers/test-callers";
import { truncateAllTables } from "../setup/worker-database";

// The whole billing-first path over real HTTP: a connection row → plugin → Selectel sandbox → phases → database.
const NOW = new Date("2025-10-05T10:30:00Z");
let sandbox: RunningSandbox | undefined;

async function connectTo(scenario: SandboxScenario, faults: SandboxFaults = {}) {
  const definition = getSandbox("selectel");
  const state = new SandboxState(faults);
  sandbox = await startSandboxServer(withFaults(definition.create(scenario, { now: () => NOW }), state, definition.regionOf));
  const config = definition.connection(scenario, sandbox.url);
  const { organization } = await createUserWithOrganization();
  const { encrypted, keyId } = encryptCredentials(config.credentials);
  const connection = await db.cloudConnection.create({
    data: { organizationId: organization.id, providerId: "selectel", name: scenario.name, encryptedCredentials: encrypted, credentialsKeyId: keyId, endpointOverrides: config.endpoints },
  });
  const sync = () => syncConnection({ connectionId: connection.id, contextOverrides: { now: () => NOW, http: { backoffBaseMs: 1, maxRetryAfterMs: 20 } } });
  return { connection, state, sync };
}

async function activeResources(connectionId: string) {
  return db.resource.findMany({ where: { connectionId, isActive: true }, orderBy: [{ resourceType: "asc" }, { name: "asc" }] });
}

beforeEach(truncateAllTables);
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

describe("Selectel billing-first sync against the sandbox", () => {
  it("turns the seed account into 4 resources — account, project and two VMs carrying their volumes — exact to the kopeck", async () => {
    const { connection, sync } = await connectTo(selectelSeedScenario);
    const result = await sync();
    expect(result.status).toBe("success");

    const resources = await activeResources(connection.id);
    expect(resources.map((resource) => [resource.resourceType, resource.name])).toEqual([
      ["account", "Selectel 123456"],
      ["project", "My First Project"],
      ["server", "Doreen"],
      ["server", "Tilly"],
    ]);
    const hourlyKopecks = SELECTEL_SEED_RATES.vcpu + SELECTEL_SEED_RATES.ram1Gb + SELECTEL_SEED_RATES.universalVolume5Gb;
    for (const [name, ip] of [["Doreen", "192.168.0.2"], ["Tilly", "192.168.0.188"]] as const) {
      const vm = resources.find((resource) => resource.name === name)!;
      expect(vm).toMatchObject({ status: "RUNNING", region: "ru-3", isZombie: false, isOrphan: false });
      expect(vm.specs).toMatchObject({ vcpus: 1, ramMb: 1024, storageGb: 5, flavorName: "SL1.1-1024", ipAddresses: [ip] });
      expect((vm.specs as { attachedVolumes: { name: string; sizeGb: number; bootable: boolean }[] }).attachedVolumes).toEqual([
        expect.objectContaining({ name: `disk-for-${name}-#1`, sizeGb: 5, bootable: true }),
      ]);
      // 105 kopecks an hour: 1.05 ₽/h, 25.20 ₽/day, 756.00 ₽/month (× 720).
      expect(vm.hourlyCost.toFixed(6)).toBe((hourlyKopecks / 100).toFixed(6));
      expect(vm.dailyCost.toFixed(4)).toBe("25.2000");
      expect(vm.monthlyCost.toFixed(2)).toBe("756.00");
    }
    const account = resources.find((resource) => resource.resourceType === "account")!;
    expect(account.specs).toMatchObject({ balance: "15682.17", daysLeft: 42 });

    const run = await db.syncRun.findUniqueOrThrow({ where: { id: result.syncRunId } });
    expect(run).toMatchObject({ status: "success", resourcesCreated: 4, currency: "RUB" });
    expect(run.monthlyCostTotal?.toFixed(2)).toBe("1512.00");
    expect((run.phases as { id: string; status: string }[]).map((phase) => phase.status)).toEqual((run.phases as unknown[]).map(() => "success"));
    const updated = await db.cloudConnection.findUniqueOrThrow({ where: { id: connection.id } });
    expect(updated.balance?.toFixed(2)).toBe("15682.17");
    expect(await db.costRecord.count({ where: { connectionId: connection.id } })).toBeGreaterThan(0);
  });

  it("finds VMs across projects and regions, keeps the zombie, and records unknown billing types", async () => {
    const { connection, sync } = await connectTo(selectelMultiProjectScenario);
    expect((await sync()).status).toBe("success");
    const resources = await activeResources(connection.id);
    const byName = Object.fromEntries(resources.map((resource) => [resource.name, resource]));
    expect(byName.Winona).toMatchObject({ status: "RUNNING", region: "ru-3", projectName: "My First Project" });
    expect(byName.Rhiannon).toMatchObject({ status: "RUNNING", region: "ru-8" });
    expect(byName.Rhiannon!.projectId).not.toBe(byName.Winona!.projectId);
    expect(byName.Annemarie).toMatchObject({ status: "DELETED_BILLED", isZombie: true });
    expect(resources.filter((resource) => resource.isOrphan && resource.resourceType === "volume").map((resource) => resource.name)).toEqual(["old-backup-volume"]);

    const unrecognized = await db.unrecognizedResource.findMany({ where: { connectionId: connection.id }, orderBy: { billingType: "asc" } });
    expect(unrecognized.map((row) => [row.billingType, row.inferredType])).toEqual([["edge_cache_node", null], ["ml_inference_endpoint", "server"]]);
  });

  it("re-syncing an unchanged account duplicates nothing and reports every resource unchanged", async () => {
    const { connection, sync } = await connectTo(selectelSeedScenario);
    await sync();
    const counts = async () => ({
      resources: await db.resource.count({ where: { connectionId: connection.id } }),
      costRows: await db.costRecord.count({ where: { connectionId: connection.id } }),
    });
    const before = await counts();
    const second = await sync();
    expect(await counts()).toEqual(before);
    const states = await db.resourceState.findMany({ where: { syncRunId: second.syncRunId } });
    expect(states.map((state) => state.change)).toEqual(states.map(() => "unchanged"));
  });

  it("rides out 429s with Retry-After, and ends partial with the other region intact when one region is down", async () => {
    const limited = await connectTo(selectelMultiProjectScenario, { rateLimit: { everyNth: 3, retryAfterSeconds: 1 } });
    expect((await limited.sync()).status).toBe("success");
    expect(limited.state.calls.filter((call) => call.status === 429).length).toBeGreaterThan(0);
    await sandbox!.close();
    sandbox = undefined;
    await truncateAllTables();

    const { connection, sync } = await connectTo(selectelMultiProjectScenario);
    expect((await sync()).status).toBe("success");
    await sandbox!.close();
    // Same connection, now with ru-8 down: Rhiannon (ru-8) must survive untouched, ru-3 refreshes.
    const definition = getSandbox("selectel");
    sandbox = await startSandboxServer(
      withFaults(definition.create(selectelMultiProjectScenario, { now: () => NOW }), new SandboxState({ downRegions: ["ru-8"] }), definition.regionOf),
    );
    await db.cloudConnection.update({ where: { id: connection.id }, data: { endpointOverrides: definition.connection(selectelMultiProjectScenario, sandbox.url).endpoints } });
    const partial = await sync();
    expect(partial.status).toBe("partial");
    const run = await db.syncRun.findUniqueOrThrow({ where: { id: partial.syncRunId } });
    expect(run.error ?? "").toContain("ru-8");
    const resources = await activeResources(connection.id);
    expect(resources.find((resource) => resource.name === "Rhiannon")).toMatchObject({ isActive: true, status: "RUNNING", region: "ru-8" });
    expect(resources.find((resource) => resource.name === "Winona")).toMatchObject({ isActive: true, status: "RUNNING" });
  });

  it("ends the run in error with Selectel's message when the credentials are wrong, losing nothing", async () => {
    const { connection, sync } = await connectTo(selectelSeedScenario);
    await sync();
    const { encrypted, keyId } = encryptCredentials({ accountId: "123456", serviceUserName: "finops-reader", serviceUserPassword: "wrong-password-1" });
    await db.cloudConnection.update({ where: { id: connection.id }, data: { encryptedCredentials: encrypted, credentialsKeyId: keyId } });
    const failed = await sync();
    expect(failed.status).toBe("error");
    const run = await db.syncRun.findUniqueOrThrow({ where: { id: failed.syncRunId } });
    expect(run.error).toMatch(/authentication/i);
    expect(await db.resource.count({ where: { connectionId: connection.id, isActive: true } })).toBe(4);
  });
});
