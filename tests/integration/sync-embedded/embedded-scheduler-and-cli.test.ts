import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { syncCommand } from "@/server/cli/commands/sync";
import { db } from "@/server/db";
import { selectelSeedScenario } from "@/server/sandbox/scenarios/selectel-seed";
import { encryptCredentials } from "@/server/security/credentials-cipher";
import { createEmbeddedScheduler } from "@/server/sync/embedded/embedded-scheduler";
import { createUserWithOrganization } from "../helpers/test-callers";
import { resetBetweenTests, selectelConnection, startSelectel } from "./embedded-harness";

resetBetweenTests();

describe("embedded scheduler", () => {
  it("a tick syncs exactly the due connections through the normal path, one after another", async () => {
    const due = await selectelConnection();
    const notDue = await selectelConnection();
    await db.cloudConnection.update({ where: { id: due.connection.id }, data: { syncIntervalMinutes: 60, lastSyncAt: new Date(Date.now() - 61 * 60_000) } });
    await db.cloudConnection.update({ where: { id: notDue.connection.id }, data: { syncIntervalMinutes: 60, lastSyncAt: new Date(Date.now() - 5 * 60_000) } });
    const scheduler = createEmbeddedScheduler();
    const [first, overlapping] = await Promise.all([scheduler.tick(), scheduler.tick()]);
    // A tick still running is not doubled.
    expect(overlapping).toBe(first);
    expect(first).toHaveLength(1);
    const run = await db.syncRun.findUniqueOrThrow({ where: { id: first[0]! } });
    expect(run).toMatchObject({ connectionId: due.connection.id, trigger: "schedule", status: "success" });
    expect(await db.syncRun.count({ where: { connectionId: notDue.connection.id } })).toBe(0);
    // Synced just now: the next tick has nothing to do.
    expect(await scheduler.tick()).toEqual([]);
    scheduler.stop();
  });
});

describe("npm run cli -- sync", () => {
  let output: string[] = [];
  beforeEach(() => {
    output = [];
    vi.spyOn(console, "log").mockImplementation((...args: unknown[]) => void output.push(args.join(" ")));
  });
  afterEach(() => vi.restoreAllMocks());

  it("syncs a connection by name, printing a line per phase and the outcome", async () => {
    const { connection } = await selectelConnection();
    const code = await syncCommand.run([connection.name, "--poll-ms", "20"]);
    expect(code).toBe(0);
    const text = output.join("\n");
    expect(text).toContain(`Syncing "${connection.name}" (selectel`);
    for (const phase of ["billing", "group-by-type", "vms", "volumes", "file-storage", "other-services", "unification", "completion"]) expect(text).toMatch(new RegExp(`✓ ${phase}\\s`));
    expect(text).toMatch(/Finished: success — created 4, updated 0, deleted 0, unchanged 0; 1512\.00 RUB\/month/);
    expect(await db.syncRun.findFirstOrThrow({ where: { connectionId: connection.id } })).toMatchObject({ status: "success", trigger: "manual" });
  });

  it("asks which organization when the name is ambiguous, and exits 1 when the run ends in error", async () => {
    const { config } = await startSelectel(selectelSeedScenario);
    const { encrypted, keyId } = encryptCredentials({ ...config.credentials, serviceUserPassword: "Wrong-Passw0rd-9" });
    const orgs = [await createUserWithOrganization({ orgName: "Alpha" }), await createUserWithOrganization({ orgName: "Beta" })];
    for (const { organization } of orgs) {
      await db.cloudConnection.create({ data: { organizationId: organization.id, providerId: "selectel", name: "prod", encryptedCredentials: encrypted, credentialsKeyId: keyId, endpointOverrides: config.endpoints } });
    }
    await expect(syncCommand.run(["prod"])).rejects.toThrow(/used by connections in 2 organizations:\n.*Alpha.*\n.*Beta.*\nPass the connection id, or --org <slug>/);
    await expect(syncCommand.run(["nothing-like-it"])).rejects.toThrow(/No connection with id or name "nothing-like-it"/);

    const code = await syncCommand.run(["prod", "--org", orgs[1]!.organization.slug, "--poll-ms", "20"]);
    expect(code).toBe(1);
    expect(output.join("\n")).toMatch(/✗ billing .*authentication/i);
    expect(output.join("\n")).toMatch(/Failed: error/);
    expect(await db.syncRun.count({ where: { organizationId: orgs[0]!.organization.id } })).toBe(0);
  });
});
