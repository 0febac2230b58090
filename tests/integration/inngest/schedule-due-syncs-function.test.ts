import { InngestTestEngine } from "@inngest/test";
import { describe, expect, it } from "vitest";
import { scheduleDueSyncsFunction } from "@/inngest/functions/sync/schedule-due-syncs";
import { db } from "@/server/db";
import { encryptCredentials } from "@/server/security/credentials-cipher";
import { findDueConnections } from "@/server/services/sync/find-due-connections";
import { acquireSyncLease, INTERRUPTED_RUN_ERROR } from "@/server/sync/lease/sync-lease";
import { createUserWithOrganization } from "../helpers/test-callers";
import { hashed, resetBetweenTests } from "./inngest-harness";

resetBetweenTests();

const MINUTE = 60_000;
const ago = (minutes: number) => new Date(Date.now() - minutes * MINUTE);

/** One connection per case the schedule must tell apart; returns their ids by case. */
async function connectionsForEveryCase() {
  const { organization } = await createUserWithOrganization();
  const { encrypted, keyId } = encryptCredentials({ accountId: "123456", serviceUserName: "svc", serviceUserPassword: "x" });
  const make = (name: string, data: { syncIntervalMinutes?: number; autoSync?: boolean; status?: "active" | "disabled" | "error"; lastSyncAt?: Date | null; createdAt?: Date; accountId?: string }) =>
    db.cloudConnection.create({ data: { organizationId: organization.id, providerId: "selectel", name, encryptedCredentials: encrypted, credentialsKeyId: keyId, status: "active", ...data } });
  const due = await make("due", { syncIntervalMinutes: 60, lastSyncAt: ago(61), accountId: "123456" });
  const recent = await make("synced recently", { syncIntervalMinutes: 60, lastSyncAt: ago(30) });
  const manual = await make("auto-sync off", { syncIntervalMinutes: 60, lastSyncAt: ago(600), autoSync: false });
  const disabled = await make("disabled", { syncIntervalMinutes: 60, lastSyncAt: ago(600), status: "disabled" });
  const failing = await make("last run failed", { syncIntervalMinutes: 15, lastSyncAt: ago(16), status: "error" });
  const neverOld = await make("never synced, created yesterday", { syncIntervalMinutes: 360, lastSyncAt: null, createdAt: ago(24 * 60) });
  const neverNew = await make("never synced, just created", { syncIntervalMinutes: 360, lastSyncAt: null });
  const running = await make("syncing now", { syncIntervalMinutes: 60, lastSyncAt: ago(120) });
  await db.syncRun.create({ data: { organizationId: organization.id, connectionId: running.id, status: "running", trigger: "manual" } });
  await acquireSyncLease(db, { connectionId: running.id, owner: "other-host:1234:abcd", ttlMs: 10 * MINUTE });
  // A process died mid-sync an hour ago: its lease expired, its run still says running.
  const dead = await make("runner died", { syncIntervalMinutes: 60, lastSyncAt: ago(180) });
  const deadRun = await db.syncRun.create({ data: { organizationId: organization.id, connectionId: dead.id, status: "running", trigger: "schedule" } });
  await acquireSyncLease(db, { connectionId: dead.id, owner: "dead-host:99:dead", ttlMs: 1 });
  await new Promise((resolve) => setTimeout(resolve, 20));
  return { organization, due, recent, manual, disabled, failing, neverOld, neverNew, running, dead, deadRun };
}

function engine() {
  return new InngestTestEngine({ function: scheduleDueSyncsFunction, steps: [{ id: "fan-out", handler: () => ({ ids: ["mock"] }) }] });
}

describe("schedule-due-syncs (cron function)", () => {
  it("runs every 15 minutes", () => {
    expect(scheduleDueSyncsFunction.opts.triggers).toEqual([{ cron: "*/15 * * * *" }]);
  });

  it("picks exactly the due connections, queues one scheduled run each and fans out one request per run", async () => {
    const cases = await connectionsForEveryCase();
    const { result, state, ctx, error } = await engine().execute();
    expect(error).toBeUndefined();

    const dueIds = [cases.due.id, cases.failing.id, cases.neverOld.id, cases.dead.id];
    const found = (await state[hashed("find-due-connections")]) as { connectionId: string; accountKey: string }[];
    expect(found.map((item) => item.connectionId).sort()).toEqual([...dueIds].sort());
    expect(found.find((item) => item.connectionId === cases.due.id)?.accountKey).toBe("selectel:123456");
    expect(found.find((item) => item.connectionId === cases.neverOld.id)?.accountKey).toBe(`connection:${cases.neverOld.id}`);

    const runs = await db.syncRun.findMany({ where: { connectionId: { in: dueIds }, status: "queued" } });
    expect(runs.map((run) => run.connectionId).sort()).toEqual([...dueIds].sort());
    expect(runs.every((run) => run.trigger === "schedule")).toBe(true);
    expect(result).toEqual({ due: 4, queued: expect.arrayContaining(runs.map((run) => run.id)) });

    expect(ctx.step.sendEvent).toHaveBeenCalledTimes(1);
    const [stepId, events] = (ctx.step.sendEvent as unknown as { mock: { calls: [string, { name: string; id: string; data: { syncRunId: string; connectionId: string; trigger: string } }[]][] } }).mock.calls[0]!;
    expect(stepId).toBe("fan-out");
    expect(events).toHaveLength(4);
    for (const event of events) {
      expect(event).toMatchObject({ name: "connection/sync.requested", id: `sync-requested-${event.data.syncRunId}`, data: { trigger: "schedule" } });
      expect(runs.find((run) => run.id === event.data.syncRunId)?.connectionId).toBe(event.data.connectionId);
    }
    // Each queued run holds its connection's lease; the dead runner's run was closed as interrupted.
    const leases = await db.syncLease.findMany({ where: { connectionId: { in: dueIds } } });
    expect(leases.map((lease) => [lease.connectionId, lease.syncRunId]).sort()).toEqual(runs.map((run) => [run.connectionId, run.id]).sort());
    expect(await db.syncRun.findUniqueOrThrow({ where: { id: cases.deadRun.id } })).toMatchObject({ status: "error", error: INTERRUPTED_RUN_ERROR });
    // Untouched: the running connection keeps its one run, the others got none.
    expect(await db.syncRun.count({ where: { connectionId: cases.running.id } })).toBe(1);
    expect(await db.syncRun.count({ where: { connectionId: { in: [cases.recent.id, cases.manual.id, cases.disabled.id, cases.neverNew.id] } } })).toBe(0);

    // Nothing is due any more while those runs wait for Inngest.
    expect(await findDueConnections(db, new Date())).toEqual([]);
  });

  it("a retried queue step requests the same runs again (same event ids) and creates no new ones", async () => {
    const cases = await connectionsForEveryCase();
    const first = await engine().executeStep("queue-runs");
    const due = await first.state[hashed("find-due-connections")];
    const queued = (await first.result) as { syncRunId: string }[];
    const retried = await engine().executeStep("queue-runs", { steps: [{ id: "find-due-connections", handler: () => due }] });
    expect(((await retried.result) as { syncRunId: string }[]).map((request) => request.syncRunId).sort()).toEqual(queued.map((request) => request.syncRunId).sort());
    expect(await db.syncRun.count({ where: { organizationId: cases.organization.id, trigger: "schedule", status: "queued" } })).toBe(4);
  });
});
