import { cron } from "inngest";
import { db } from "../../../server/db";
import { SYSTEM_IDENTITY } from "../../../server/services/audit/record-audit-event";
import { findDueConnections } from "../../../server/services/sync/find-due-connections";
import { queueDueSyncs } from "../../../server/services/sync/queue-due-syncs";
import { inngest } from "../../client";
import { connectionSyncRequested, syncEventIds } from "../../events";

export const SCHEDULE_CRON = "*/15 * * * *";

/**
 * Every 15 minutes: finds the connections due by their own interval (auto-sync on, not disabled, not syncing),
 * queues a scheduled SyncRun for each and fans out one `connection/sync.requested` per run. The lists are step
 * results, so a retry re-queues exactly the same connections and the event ids keep the sends idempotent.
 */
export const scheduleDueSyncsFunction = inngest.createFunction(
  { id: "schedule-due-syncs", name: "Start the scheduled syncs that are due", triggers: [cron(SCHEDULE_CRON)], concurrency: { limit: 1 } },
  async ({ step }) => {
    const due = await step.run("find-due-connections", () => findDueConnections(db, new Date()));
    if (due.length === 0) return { due: 0, queued: [] as string[] };
    const requests = await step.run("queue-runs", () => queueDueSyncs(db, { ...SYSTEM_IDENTITY, userAgent: "inngest-cron" }, due));
    if (requests.length > 0) {
      await step.sendEvent(
        "fan-out",
        requests.map((data) => connectionSyncRequested.create(data, { id: syncEventIds.requested(data.syncRunId) })),
      );
    }
    return { due: due.length, queued: requests.map((request) => request.syncRunId) };
  },
);
