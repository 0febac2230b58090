import { cron } from "inngest";
import { readTelegramConfig } from "../../../bot/telegram-config";
import { db } from "../../../server/db";
import { isoWeekOf } from "../../../server/notify/digest/digest-schedule";
import { findDueDigestChats } from "../../../server/notify/digest/find-due-digest-chats";
import { inngest } from "../../client";
import { telegramDigestEventIds, telegramWeeklyDigestRequested } from "../../events";

export const DIGEST_CRON = "0 * * * *";

/**
 * Every hour: the chats where it is Monday 09:xx now (each in its own timezone) and whose week has no digest
 * yet, one `telegram/weekly-digest.requested` each (event id = chat + ISO week, so a retry asks once).
 */
export const sendWeeklyDigestsFunction = inngest.createFunction(
  { id: "send-weekly-digests", name: "Find the chats due for their weekly digest", triggers: [cron(DIGEST_CRON)], concurrency: { limit: 1 } },
  async ({ step }) => {
    if (!readTelegramConfig()) return { due: 0, chatIds: [] as string[] };
    const due = await step.run("find-due-chats", () => findDueDigestChats(db, new Date()));
    if (due.length > 0) {
      await step.sendEvent(
        "fan-out",
        due.map((item) => telegramWeeklyDigestRequested.create(item, { id: telegramDigestEventIds.weekly(item.chatId, isoWeekOf(item.day)) })),
      );
    }
    return { due: due.length, chatIds: due.map((item) => item.chatId) };
  },
);
