import { NonRetriableError } from "inngest";
import { editSyncProgress, type ProgressStep } from "../../../bot/sync-progress/edit-sync-progress";
import { SYNC_PROGRESS_MAX_POLLS } from "../../../bot/sync-progress/sync-progress-watch";
import { translateBot } from "../../../bot/i18n/bot-i18n";
import { createTelegramApi } from "../../../bot/runtime/telegram-api";
import { readTelegramConfig } from "../../../bot/telegram-config";
import { inngest } from "../../client";
import { telegramSyncProgressRequested } from "../../events";

/**
 * `telegram/sync-progress.requested` → keeps the /sync message in step with the run: a look (and an edit when
 * something changed) every 2 s as a step of its own, until the run ends or ~13 minutes pass. The bot's update
 * handler only starts this, so the webhook answers at once.
 */
export const watchSyncProgressFunction = inngest.createFunction(
  {
    id: "watch-sync-progress",
    name: "Edit the /sync message as the run progresses",
    triggers: [telegramSyncProgressRequested],
    retries: 2,
    concurrency: { key: "event.data.syncRunId", limit: 1 },
  },
  async ({ event, step }) => {
    const config = readTelegramConfig();
    if (!config) throw new NonRetriableError("The Telegram bot is off (TELEGRAM_BOT_TOKEN is not set)");
    const api = createTelegramApi(config);
    let text: string | null = null;
    for (let poll = 0; poll < SYNC_PROGRESS_MAX_POLLS; poll += 1) {
      const previous: string | null = text;
      const result: ProgressStep = await step.run(`poll-${poll}`, (): Promise<ProgressStep> => editSyncProgress(api, event.data, previous));
      text = result.text;
      if (result.done) return { polls: poll + 1, finished: true };
      await step.sleep(`wait-${poll}`, "2s");
    }
    await step.run("timed-out", async () => {
      await api.editMessageText(event.data.telegramChatId, event.data.messageId, `${text ?? ""}\n\n${translateBot(event.data.locale, "sync-timeout")}`).catch(() => undefined);
      return null;
    });
    return { polls: SYNC_PROGRESS_MAX_POLLS, finished: false };
  },
);
