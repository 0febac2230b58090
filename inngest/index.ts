import { deliverTelegramMessageFunction } from "./functions/notify/deliver-telegram-message";
import { scheduleDueSyncsFunction } from "./functions/sync/schedule-due-syncs";
import { syncConnectionFunction } from "./functions/sync/sync-connection";

export { inngest } from "./client";

/** Every Inngest function InfraZen serves at /api/inngest. */
export const functions = [syncConnectionFunction, scheduleDueSyncsFunction, deliverTelegramMessageFunction];
