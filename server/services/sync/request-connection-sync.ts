import { inngest } from "../../../inngest/client";
import { connectionSyncRequested, syncEventIds, type SyncRequestedData } from "../../../inngest/events";
import type { PrismaClient } from "../../db";
import { AppError } from "../../api/app-error";
import { resolveSyncMode, type SyncMode } from "../../env";
import { childLogger } from "../../logger";
import { runEmbeddedSync } from "../../sync/embedded/run-embedded-sync";
import { trackEmbeddedSync } from "../../sync/embedded/in-flight-syncs";
import { releaseSyncLease } from "../../sync/lease/sync-lease";
import type { RequestIdentity } from "../audit/record-audit-event";
import { assertProviderEnabled } from "../provider-catalog/assert-provider-enabled";
import { claimConnectionSync } from "./claim-connection-sync";
import { accountKeyOf } from "./find-due-connections";

const log = childLogger("sync");

export interface RequestSyncInput {
  organizationId: string;
  connectionId: string;
  trigger: "manual" | "schedule" | "api" | "seed";
}

export interface QueuedSync {
  syncRunId: string;
  alreadyRunning: boolean;
  mode: SyncMode;
  /** Settles when this process's run ends (embedded mode); at once in Inngest mode or when already running. */
  done: Promise<void>;
}

/**
 * "Sync now", and every other way a sync starts (schedule, CLI): claims the connection (one sync at a time, see
 * claimConnectionSync) and starts the queued run — in this process through the embedded runner by default, or by
 * sending `connection/sync.requested` (event id = the run) when Inngest is configured. A sync already in progress
 * is returned instead of a second one.
 */
export async function queueConnectionSync(db: PrismaClient, identity: RequestIdentity, input: RequestSyncInput): Promise<QueuedSync> {
  const connection = await db.cloudConnection.findFirst({ where: { id: input.connectionId, organizationId: input.organizationId } });
  if (!connection) throw new AppError("NOT_FOUND", "errors.notFound");
  await assertProviderEnabled(db, connection.providerId, "connections.errors.providerDisabledSync");
  const mode = resolveSyncMode(process.env);
  const claim = await claimConnectionSync(db, identity, { connection, trigger: input.trigger, mode });
  if (claim.alreadyRunning) return { syncRunId: claim.syncRunId, alreadyRunning: true, mode, done: Promise.resolve() };

  const data: SyncRequestedData = { connectionId: connection.id, organizationId: connection.organizationId, syncRunId: claim.syncRunId, trigger: input.trigger, accountKey: accountKeyOf(connection) };
  if (mode === "inngest") {
    try {
      await inngest.send(connectionSyncRequested.create(data, { id: syncEventIds.requested(claim.syncRunId) }));
    } catch (error) {
      log.error({ err: error, syncRunId: claim.syncRunId }, "could not send the sync request to Inngest");
      const message = `Could not queue the sync on Inngest: ${error instanceof Error ? error.message : String(error)}`;
      await db.syncRun.update({ where: { id: claim.syncRunId }, data: { status: "error", error: message.slice(0, 2000), finishedAt: new Date() } });
      await releaseSyncLease(db, { connectionId: connection.id, syncRunId: claim.syncRunId });
      throw new AppError("INTERNAL_SERVER_ERROR", "errors.internal");
    }
    return { syncRunId: claim.syncRunId, alreadyRunning: false, mode, done: Promise.resolve() };
  }
  // Runs in this process; the outcome is recorded on the SyncRun, which is what callers watch.
  const done = trackEmbeddedSync(
    runEmbeddedSync({ data, lease: claim.lease }).then(
      () => undefined,
      (error: unknown) => log.error({ err: error, syncRunId: claim.syncRunId }, "sync crashed"),
    ),
  );
  return { syncRunId: claim.syncRunId, alreadyRunning: false, mode, done };
}

/** "Sync now": queues a SyncRun for the connection and starts it, or returns the run already in progress. */
export async function requestConnectionSync(db: PrismaClient, identity: RequestIdentity, input: RequestSyncInput): Promise<{ syncRunId: string; alreadyRunning: boolean }> {
  const { syncRunId, alreadyRunning } = await queueConnectionSync(db, identity, input);
  return { syncRunId, alreadyRunning };
}
