import { readTelegramConfig } from "../../../bot/telegram-config";
import { db } from "../../../server/db";
import { evaluateSyncEvent } from "../../../server/notify/alerts/evaluate-sync-event";
import { queuePendingDeliveries } from "../../../server/notify/alerts/queue-pending-deliveries";
import { inngest } from "../../client";
import { connectionSyncCompleted, connectionSyncFailed } from "../../events";
import { deliveryRequestedEvents } from "./delivery-requested-events";

/**
 * `connection/sync.completed` / `…failed` → the alerts they raise for the organization's linked chats (sync
 * failed or partial, new zombies, spend anomaly, low balance), recorded once per cause, then one
 * `telegram/delivery.requested` per delivery for the notify function. One evaluation per organization at a time:
 * the balance episode and the day's anomaly are judged in order. Nothing happens while the bot is off.
 */
export const alertOnSyncOutcomeFunction = inngest.createFunction(
  {
    id: "alert-on-sync-outcome",
    name: "Alert Telegram chats about a sync's outcome",
    triggers: [connectionSyncCompleted, connectionSyncFailed],
    concurrency: { limit: 1, key: "event.data.organizationId" },
  },
  async ({ event, step }) => {
    const config = readTelegramConfig();
    if (!config) return { alerts: 0, deliveryIds: [] as string[] };
    const alerts = await step.run("evaluate-alerts", () => evaluateSyncEvent(db, config.appUrl, event));
    const deliveryIds = await step.run("queue-deliveries", () => queuePendingDeliveries(db, alerts));
    if (deliveryIds.length > 0) await step.sendEvent("dispatch-deliveries", deliveryRequestedEvents(deliveryIds));
    return { alerts: alerts.length, deliveryIds };
  },
);
