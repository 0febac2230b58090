import type { SyncRequestedData } from "../../../inngest/events";
import type { PrismaClient } from "../../db";
import type { RequestIdentity } from "../audit/record-audit-event";
import { claimConnectionSync } from "./claim-connection-sync";
import type { DueConnection } from "./find-due-connections";

/**
 * Queues a scheduled SyncRun (with an Inngest-mode lease) for each due connection and returns the request event
 * data to send. Safe to repeat: a connection claimed by an earlier attempt shows its run as already running, and
 * while that run is still queued its request is returned again — the event id (the run id) makes the second send
 * a no-op in Inngest. Runs already running elsewhere are left alone.
 */
export async function queueDueSyncs(db: PrismaClient, identity: RequestIdentity, due: DueConnection[]): Promise<SyncRequestedData[]> {
  const requests: SyncRequestedData[] = [];
  for (const connection of due) {
    const claim = await claimConnectionSync(db, identity, { connection: { id: connection.connectionId, organizationId: connection.organizationId }, trigger: "schedule", mode: "inngest" });
    if (claim.alreadyRunning) {
      const run = await db.syncRun.findUnique({ where: { id: claim.syncRunId }, select: { status: true, trigger: true } });
      if (run?.status !== "queued" || run.trigger !== "schedule") continue;
    }
    requests.push({ connectionId: connection.connectionId, organizationId: connection.organizationId, syncRunId: claim.syncRunId, trigger: "schedule", accountKey: connection.accountKey });
  }
  return requests;
}
