import type { Prisma, PrismaClient } from "../../db";
import type { SyncMode } from "../../env";
import { acquireSyncLease, attachRunToLease, closeInterruptedRuns, EMBEDDED_LEASE_TTL_MS, INNGEST_LEASE_TTL_MS, newLeaseOwner, readSyncLease } from "../../sync/lease/sync-lease";
import type { SyncTrigger } from "../../sync/persistence/sync-run-records";
import { recordAuditEvent, type RequestIdentity } from "../audit/record-audit-event";

export interface SyncClaim {
  syncRunId: string;
  alreadyRunning: boolean;
  /** The lease this caller now holds for the new run, or null when another holder has it and the run must wait. */
  lease: { owner: string } | null;
}

async function createQueuedRun(tx: Prisma.TransactionClient, identity: RequestIdentity, connection: { id: string; organizationId: string }, trigger: SyncTrigger) {
  const run = await tx.syncRun.create({ data: { organizationId: connection.organizationId, connectionId: connection.id, status: "queued", trigger } });
  await recordAuditEvent(tx, identity, { action: "connection.sync_request", organizationId: connection.organizationId, targetType: "cloud_connection", targetId: connection.id, metadata: { syncRunId: run.id, trigger } });
  return run;
}

/**
 * One sync per connection, even when two "Sync now" clicks (or a click and the schedule, or two servers) race:
 * in one transaction, take the connection's lease (atomic, see sync-lease.ts), close runs left queued or running
 * by a process that died (their lease expired), and queue a new SyncRun for the lease. A caller that does not get
 * the lease is shown the run in progress. Only a lease held with no run to show (another process between taking
 * it and starting, or a holder that just died) queues a run without the lease: its runner waits for the lease.
 */
export async function claimConnectionSync(db: PrismaClient, identity: RequestIdentity, input: { connection: { id: string; organizationId: string }; trigger: SyncTrigger; mode: SyncMode }): Promise<SyncClaim> {
  const { connection } = input;
  const owner = newLeaseOwner(input.mode === "inngest" ? "inngest" : "process");
  const ttlMs = input.mode === "inngest" ? INNGEST_LEASE_TTL_MS : EMBEDDED_LEASE_TTL_MS;
  return db.$transaction(async (tx) => {
    const lease = await acquireSyncLease(tx, { connectionId: connection.id, owner, ttlMs });
    if (!lease) {
      const holder = await readSyncLease(tx, connection.id);
      const active = await tx.syncRun.findMany({ where: { connectionId: connection.id, status: { in: ["queued", "running"] } }, orderBy: { createdAt: "desc" }, select: { id: true } });
      const shown = active.find((run) => run.id === holder?.syncRunId) ?? active[0];
      if (shown) return { syncRunId: shown.id, alreadyRunning: true, lease: null };
      const run = await createQueuedRun(tx, identity, connection, input.trigger);
      return { syncRunId: run.id, alreadyRunning: false, lease: null };
    }
    await closeInterruptedRuns(tx, connection.id);
    const run = await createQueuedRun(tx, identity, connection, input.trigger);
    await attachRunToLease(tx, { connectionId: connection.id, owner, syncRunId: run.id });
    return { syncRunId: run.id, alreadyRunning: false, lease: { owner } };
  });
}
