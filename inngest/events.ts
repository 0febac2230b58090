import { eventType } from "inngest";
import { z } from "zod";
import { syncProgressWatchData } from "../bot/sync-progress/sync-progress-watch";

/**
 * The typed event catalog, named `domain/noun.verb`. Event ids make sends idempotent: a sync request's id is its
 * SyncRun id, so a repeated request (a retried step, a double click that raced) starts one run.
 */

const trigger = z.enum(["manual", "schedule", "api", "seed"]);

export const syncRequestedData = z.object({
  connectionId: z.string(),
  organizationId: z.string(),
  syncRunId: z.string(),
  trigger,
  /** Throttle key: syncs of one provider account (maybe shared by several connections) are spread out. */
  accountKey: z.string(),
});
export type SyncRequestedData = z.infer<typeof syncRequestedData>;

const changeCounts = z.object({ created: z.number(), updated: z.number(), deleted: z.number(), unchanged: z.number() });

export const syncCompletedData = z.object({
  connectionId: z.string(),
  organizationId: z.string(),
  syncRunId: z.string(),
  status: z.enum(["success", "partial"]),
  totals: z.object({
    monthly: z.string().nullable(),
    currency: z.string().nullable(),
    byType: z.record(z.string(), z.object({ count: z.number(), monthlyCost: z.string() })),
    byStatus: z.record(z.string(), z.number()),
  }),
  counts: changeCounts,
  /** At most 100 ids each; changedCount is the full number. */
  changedResourceIds: z.array(z.string()),
  changedCount: z.number(),
  newZombieIds: z.array(z.string()),
  newOrphanIds: z.array(z.string()),
  /** Failed scopes of a partial run, one line. */
  warning: z.string().nullable(),
});
export type SyncCompletedData = z.infer<typeof syncCompletedData>;

export const syncFailedData = z.object({
  connectionId: z.string(),
  organizationId: z.string(),
  syncRunId: z.string(),
  error: z.object({ message: z.string(), kind: z.string(), providerMessage: z.string().nullable() }),
});
export type SyncFailedData = z.infer<typeof syncFailedData>;

export const connectionSyncRequested = eventType("connection/sync.requested", { schema: syncRequestedData });
export const connectionSyncCompleted = eventType("connection/sync.completed", { schema: syncCompletedData });
export const connectionSyncFailed = eventType("connection/sync.failed", { schema: syncFailedData });

/** Event ids: one request, one completion or failure per run. */
export const syncEventIds = {
  requested: (syncRunId: string) => `sync-requested-${syncRunId}`,
  completed: (syncRunId: string) => `sync-completed-${syncRunId}`,
  failed: (syncRunId: string) => `sync-failed-${syncRunId}`,
};

export interface SyncEventPayload {
  name: string;
  data: Record<string, unknown>;
  id?: string;
}

export const telegramDeliveryRequestedData = z.object({ deliveryId: z.string() });
export type TelegramDeliveryRequestedData = z.infer<typeof telegramDeliveryRequestedData>;

/** A recorded TelegramDelivery to send (event id = delivery id: one send per delivery). */
export const telegramDeliveryRequested = eventType("telegram/delivery.requested", { schema: telegramDeliveryRequestedData });
export const telegramEventIds = {
  delivery: (deliveryId: string) => `telegram-delivery-${deliveryId}`,
};

/** /sync in Telegram: keep editing one message with the run's phases until it ends. */
export const telegramSyncProgressRequested = eventType("telegram/sync-progress.requested", { schema: syncProgressWatchData });

export const telegramWeeklyDigestRequestedData = z.object({
  chatId: z.string(),
  organizationId: z.string(),
  /** The chat's local Monday the digest is for ("YYYY-MM-DD"). */
  day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
});
export type TelegramWeeklyDigestRequestedData = z.infer<typeof telegramWeeklyDigestRequestedData>;

/** One chat's weekly digest is due (event id = chat + ISO week: one digest per chat and week). */
export const telegramWeeklyDigestRequested = eventType("telegram/weekly-digest.requested", { schema: telegramWeeklyDigestRequestedData });
export const telegramDigestEventIds = {
  weekly: (chatId: string, isoWeek: string) => `telegram-weekly-digest-${chatId}-${isoWeek}`,
};
