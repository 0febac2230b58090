import { readTelegramConfig } from "../../../bot/telegram-config";
import type { PrismaClient } from "../../db";
import { childLogger } from "../../logger";
import { dispatchTelegramDeliveries } from "../dispatch-telegram-deliveries";
import { queueTelegramDeliveries } from "../queue-telegram-deliveries";
import { buildWeeklyDigest } from "./build-weekly-digest";
import { findDueDigestChats } from "./find-due-digest-chats";

const log = childLogger("notify");

/**
 * The embedded mode's digest run: every chat due now gets its digest built, recorded and sent, one after another;
 * a chat whose digest fails is logged and retried by the next check (no delivery was recorded for it).
 */
export async function sendDueDigests(db: PrismaClient, now: Date): Promise<string[]> {
  const config = readTelegramConfig();
  if (!config) return [];
  const sent: string[] = [];
  for (const due of await findDueDigestChats(db, now)) {
    try {
      const digest = await buildWeeklyDigest(db, config.appUrl, due);
      const ids = await queueTelegramDeliveries(db, digest ? [digest] : []);
      await dispatchTelegramDeliveries(ids);
      sent.push(...ids);
    } catch (error) {
      log.error({ err: error, chatId: due.chatId }, "weekly digest failed");
    }
  }
  return sent;
}
