import { alertOnSyncOutcomeFunction } from "./functions/notify/alert-on-sync-outcome";
import { deliverTelegramMessageFunction } from "./functions/notify/deliver-telegram-message";
import { sendWeeklyDigestFunction } from "./functions/notify/send-weekly-digest";
import { sendWeeklyDigestsFunction } from "./functions/notify/send-weekly-digests";
import { scheduleDueSyncsFunction } from "./functions/sync/schedule-due-syncs";
import { watchSyncProgressFunction } from "./functions/telegram/watch-sync-progress";
import { syncConnectionFunction } from "./functions/sync/sync-connection";

export { inngest } from "./client";

/** Every Inngest function InfraZen serves at /api/inngest. */
export const functions = [
  syncConnectionFunction,
  scheduleDueSyncsFunction,
  deliverTelegramMessageFunction,
  watchSyncProgressFunction,
  alertOnSyncOutcomeFunction,
  sendWeeklyDigestsFunction,
  sendWeeklyDigestFunction,
];
