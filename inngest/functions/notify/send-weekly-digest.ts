import { readTelegramConfig } from "../../../bot/telegram-config";
import { db } from "../../../server/db";
import { queuePendingDeliveries } from "../../../server/notify/alerts/queue-pending-deliveries";
import { buildWeeklyDigest } from "../../../server/notify/digest/build-weekly-digest";
import { inngest } from "../../client";
import { telegramWeeklyDigestRequested } from "../../events";
import { deliveryRequestedEvents } from "./delivery-requested-events";

/**
 * `telegram/weekly-digest.requested` → one chat's digest (read with the chat's permissions and filter), recorded
 * once per ISO week, then handed to the notify function. A few at a time: each reads several cost queries.
 */
export const sendWeeklyDigestFunction = inngest.createFunction(
  { id: "send-weekly-digest", name: "Send one chat's weekly digest", triggers: [telegramWeeklyDigestRequested], concurrency: { limit: 5 } },
  async ({ event, step }) => {
    const config = readTelegramConfig();
    if (!config) return { deliveryIds: [] as string[] };
    const digest = await step.run("build-digest", () => buildWeeklyDigest(db, config.appUrl, event.data));
    const deliveryIds = await step.run("queue-digest", () => queuePendingDeliveries(db, digest ? [digest] : []));
    if (deliveryIds.length > 0) await step.sendEvent("dispatch-digest", deliveryRequestedEvents(deliveryIds));
    return { deliveryIds };
  },
);
