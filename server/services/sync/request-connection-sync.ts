import type { PrismaClient } from "../../db";
import { AppError } from "../../api/app-error";
import { childLogger } from "../../logger";
import { syncConnection } from "../../sync/run-billing-first-sync";
import { recordAuditEvent, type RequestIdentity } from "../audit/record-audit-event";

const log = childLogger("sync");

export interface RequestSyncInput {
  organizationId: string;
  connectionId: string;
  trigger: "manual" | "schedule" | "api" | "seed";
}

/**
 * "Sync now": queues a SyncRun for the connection and starts it, or returns the run already in progress
 * (a second click never starts a second sync). The caller polls the SyncRun for live progress.
 */
export async function requestConnectionSync(db: PrismaClient, identity: RequestIdentity, input: RequestSyncInput): Promise<{ syncRunId: string; alreadyRunning: boolean }> {
  const connection = await db.cloudConnection.findFirst({ where: { id: input.connectionId, organizationId: input.organizationId } });
  if (!connection) throw new AppError("NOT_FOUND", "errors.notFound");
  const running = await db.syncRun.findFirst({ where: { connectionId: connection.id, status: { in: ["queued", "running"] } }, orderBy: { createdAt: "desc" } });
  if (running) return { syncRunId: running.id, alreadyRunning: true };

  const run = await db.$transaction(async (tx) => {
    const created = await tx.syncRun.create({ data: { organizationId: connection.organizationId, connectionId: connection.id, status: "queued", trigger: input.trigger } });
    await recordAuditEvent(tx, identity, { action: "connection.sync_request", organizationId: connection.organizationId, targetType: "cloud_connection", targetId: connection.id, metadata: { syncRunId: created.id } });
    return created;
  });
  // Runs in this process; the outcome is recorded on the SyncRun, which is what callers watch.
  void syncConnection({ connectionId: connection.id, syncRunId: run.id, trigger: input.trigger }).catch((error: unknown) => log.error({ err: error, syncRunId: run.id }, "sync crashed"));
  return { syncRunId: run.id, alreadyRunning: false };
}
