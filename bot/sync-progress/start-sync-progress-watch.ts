import type { Api } from "grammy";
import { inngest } from "../../inngest/client";
import { telegramSyncProgressRequested } from "../../inngest/events";
import { resolveSyncMode } from "../../server/env";
import { childLogger } from "../../server/logger";
import { translateBot } from "../i18n/bot-i18n";
import { editSyncProgress } from "./edit-sync-progress";
import { SYNC_PROGRESS_MAX_POLLS, SYNC_PROGRESS_POLL_MS, type SyncProgressWatch } from "./sync-progress-watch";

const log = childLogger("telegram");

export interface WatchOptions {
  pollMs?: number;
  maxPolls?: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The embedded mode's watch: the same edits as the Inngest function, from a loop in this process. */
export async function watchSyncProgressInProcess(api: Api, watch: SyncProgressWatch, options: WatchOptions = {}): Promise<string> {
  let text: string | null = null;
  for (let poll = 0; poll < (options.maxPolls ?? SYNC_PROGRESS_MAX_POLLS); poll += 1) {
    try {
      const step = await editSyncProgress(api, watch, text);
      text = step.text;
      if (step.done) return text;
    } catch (error) {
      // A failed edit (network, 429 after auto-retry) skips one update; the next poll renders the state again.
      log.warn({ err: error, syncRunId: watch.syncRunId }, "could not edit the /sync progress message");
    }
    await sleep(options.pollMs ?? SYNC_PROGRESS_POLL_MS);
  }
  const timeout = translateBot(watch.locale, "sync-timeout");
  await api.editMessageText(watch.telegramChatId, watch.messageId, `${text ?? ""}\n\n${timeout}`).catch(() => undefined);
  return timeout;
}

/**
 * Hands the progress message to whoever runs background work: the `watch-sync-progress` Inngest function, or a
 * loop in this process (not awaited: the update handler answers at once). Returns the embedded loop's promise
 * for tests; null in Inngest mode.
 */
export async function startSyncProgressWatch(api: Api, watch: SyncProgressWatch, options: WatchOptions = {}): Promise<Promise<string> | null> {
  if (resolveSyncMode(process.env) === "inngest") {
    await inngest.send(telegramSyncProgressRequested.create(watch, { id: `telegram-sync-progress-${watch.syncRunId}-${watch.messageId}` }));
    return null;
  }
  const done = watchSyncProgressInProcess(api, watch, options);
  done.catch((error: unknown) => log.error({ err: error, syncRunId: watch.syncRunId }, "the /sync progress watch failed"));
  return done;
}
