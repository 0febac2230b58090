import { afterEach, describe, expect, it, vi } from "vitest";
import { inngest } from "@/inngest/client";
import { db } from "@/server/db";
import { SYSTEM_IDENTITY } from "@/server/services/audit/record-audit-event";
import { queueConnectionSync, requestConnectionSync } from "@/server/services/sync/request-connection-sync";
import { runEmbeddedSync } from "@/server/sync/embedded/run-embedded-sync";
import { acquireSyncLease, INTERRUPTED_RUN_ERROR, readSyncLease } from "@/server/sync/lease/sync-lease";
import { claimConnectionSync } from "@/server/services/sync/claim-connection-sync";
import { accountKeyOf } from "@/server/services/sync/find-due-connections";
import { selectelMultiProjectScenario } from "@/server/sandbox/scenarios/selectel-multi-project";
import { resetBetweenTests, selectelConnection, sleep, waitForRun } from "./embedded-harness";

resetBetweenTests();
afterEach(() => {
  delete process.env.INNGEST_DEV;
  vi.restoreAllMocks();
});

const request = (connection: { id: string; organizationId: string }) => requestConnectionSync(db, SYSTEM_IDENTITY, { organizationId: connection.organizationId, connectionId: connection.id, trigger: "manual" });

describe("embedded sync: one sync per connection, guarded by a lease row", () => {
  it("five concurrent “Sync now” calls produce one run, and the others are shown it", async () => {
    const { connection } = await selectelConnection();
    const answers = await Promise.all(Array.from({ length: 5 }, () => request(connection)));
    const started = answers.filter((answer) => !answer.alreadyRunning);
    expect(started).toHaveLength(1);
    expect(new Set(answers.map((answer) => answer.syncRunId))).toEqual(new Set([started[0]!.syncRunId]));
    expect(await db.syncRun.count({ where: { connectionId: connection.id } })).toBe(1);
    expect(await db.auditLog.count({ where: { action: "connection.sync_request", targetId: connection.id } })).toBe(1);

    const run = await waitForRun(started[0]!.syncRunId);
    expect(run).toMatchObject({ status: "success", resourcesCreated: 4 });
    // The lease goes with the run; the next click starts a new one.
    await sleep(50);
    expect(await db.syncLease.count()).toBe(0);
    const next = await request(connection);
    expect(next.alreadyRunning).toBe(false);
    await waitForRun(next.syncRunId);
  });

  it("a lease held by another process blocks the runner until it expires, then the queued run goes ahead", async () => {
    const { connection } = await selectelConnection();
    await acquireSyncLease(db, { connectionId: connection.id, owner: "other-host:4242:cafe", ttlMs: 1_500 });
    const startedAt = Date.now();
    const queued = await queueConnectionSync(db, SYSTEM_IDENTITY, { organizationId: connection.organizationId, connectionId: connection.id, trigger: "manual" });
    expect(queued).toMatchObject({ alreadyRunning: false, mode: "embedded" });

    await sleep(600);
    expect(await db.syncRun.findUniqueOrThrow({ where: { id: queued.syncRunId } })).toMatchObject({ status: "queued", startedAt: null });
    expect(await readSyncLease(db, connection.id)).toMatchObject({ owner: "other-host:4242:cafe", live: true });
    // Another click meanwhile is shown the waiting run.
    expect(await request(connection)).toEqual({ syncRunId: queued.syncRunId, alreadyRunning: true });

    await queued.done;
    const run = await db.syncRun.findUniqueOrThrow({ where: { id: queued.syncRunId } });
    expect(run.status).toBe("success");
    expect(run.startedAt!.getTime() - startedAt).toBeGreaterThanOrEqual(1_400);
    expect(await db.syncLease.count()).toBe(0);
  });

  it("the running sync renews its lease past the TTL: nobody can take it until the run ends", async () => {
    const { connection: created } = await selectelConnection(selectelMultiProjectScenario, { latencyMs: 100 });
    // A week of history keeps the run's CPU-bound steps short: with a 250 ms TTL, this tests renewal, not load.
    const connection = await db.cloudConnection.update({ where: { id: created.id }, data: { historyDays: 7 } });
    const claim = await claimConnectionSync(db, SYSTEM_IDENTITY, { connection, trigger: "manual", mode: "embedded" });
    const data = { connectionId: connection.id, organizationId: connection.organizationId, syncRunId: claim.syncRunId, trigger: "manual" as const, accountKey: accountKeyOf(connection) };
    const ttlMs = 250;
    const running = runEmbeddedSync({ data, lease: claim.lease, ttlMs });
    let attempts = 0;
    let stolen = false;
    let finished = false;
    void running.finally(() => (finished = true));
    const started = Date.now();
    while (!finished) {
      const run = await db.syncRun.findUniqueOrThrow({ where: { id: claim.syncRunId }, select: { status: true } });
      if (run.status !== "running" && run.status !== "queued") break;
      if (await acquireSyncLease(db, { connectionId: connection.id, owner: "intruder:1:beef", ttlMs })) stolen = true;
      attempts += 1;
      await sleep(50);
    }
    expect(await running).toMatchObject({ status: "success" });
    expect(Date.now() - started).toBeGreaterThan(2 * ttlMs);
    expect(attempts).toBeGreaterThan(5);
    expect(stolen).toBe(false);
    expect(await db.syncLease.count()).toBe(0);
  });

  it("a run left running by a dead process is closed as interrupted by the next request", async () => {
    const { connection } = await selectelConnection();
    const dead = await db.syncRun.create({ data: { organizationId: connection.organizationId, connectionId: connection.id, status: "running", trigger: "manual", startedAt: new Date() } });
    await acquireSyncLease(db, { connectionId: connection.id, owner: "dead-host:1:dead", syncRunId: dead.id, ttlMs: 1 });
    await sleep(10);
    const next = await request(connection);
    expect(next).toMatchObject({ alreadyRunning: false });
    expect(next.syncRunId).not.toBe(dead.id);
    expect(await db.syncRun.findUniqueOrThrow({ where: { id: dead.id } })).toMatchObject({ status: "error", error: INTERRUPTED_RUN_ERROR });
    expect(await waitForRun(next.syncRunId)).toMatchObject({ status: "success" });
  });

  it("with Inngest configured, the request queues the run under a lease and sends one event with the run as id", async () => {
    process.env.INNGEST_DEV = "1";
    const send = vi.spyOn(inngest, "send").mockResolvedValue({ ids: ["event-1"] });
    const { connection } = await selectelConnection();
    const answers = await Promise.all([request(connection), request(connection), request(connection)]);
    const started = answers.find((answer) => !answer.alreadyRunning)!;
    expect(answers.filter((answer) => answer.alreadyRunning)).toHaveLength(2);
    expect(send).toHaveBeenCalledTimes(1);
    expect(send.mock.calls[0]![0]).toMatchObject({
      name: "connection/sync.requested",
      id: `sync-requested-${started.syncRunId}`,
      data: { connectionId: connection.id, organizationId: connection.organizationId, syncRunId: started.syncRunId, trigger: "manual", accountKey: `connection:${connection.id}` },
    });
    // Inngest runs it, not this process.
    await sleep(300);
    expect(await db.syncRun.findUniqueOrThrow({ where: { id: started.syncRunId } })).toMatchObject({ status: "queued" });
    expect(await db.syncLease.findUniqueOrThrow({ where: { connectionId: connection.id } })).toMatchObject({ syncRunId: started.syncRunId, owner: expect.stringMatching(/^inngest:/) });
  });

  it("when Inngest cannot be reached the queued run ends `error` and the connection is free again", async () => {
    process.env.INNGEST_DEV = "1";
    vi.spyOn(inngest, "send").mockRejectedValue(new Error("connect ECONNREFUSED 127.0.0.1:8288"));
    const { connection } = await selectelConnection();
    await expect(request(connection)).rejects.toMatchObject({ code: "INTERNAL_SERVER_ERROR" });
    const run = await db.syncRun.findFirstOrThrow({ where: { connectionId: connection.id } });
    expect(run).toMatchObject({ status: "error", error: expect.stringContaining("ECONNREFUSED") });
    expect(await db.syncLease.count()).toBe(0);
  });
});
