import { GrammyError, type Api } from "grammy";
import { db } from "../../server/db";
import { isRunFinished, renderSyncProgress } from "./render-sync-progress";
import type { SyncProgressWatch } from "./sync-progress-watch";

export interface ProgressStep {
  done: boolean;
  text: string;
}

/** Telegram refuses an edit that changes nothing; that is not a failure here. */
const isNotModified = (error: unknown) => error instanceof GrammyError && error.error_code === 400 && /not modified/i.test(error.description);

/**
 * One look at the run: renders its state and edits the message when the text changed since `previousText`.
 * A run that vanished (its connection was deleted) ends the watch.
 */
export async function editSyncProgress(api: Api, watch: SyncProgressWatch, previousText: string | null): Promise<ProgressStep> {
  const run = await db.syncRun.findFirst({ where: { id: watch.syncRunId, organizationId: watch.organizationId } });
  if (!run) return { done: true, text: previousText ?? "" };
  const text = renderSyncProgress(watch.locale, watch.connectionName, run);
  if (text !== previousText) {
    try {
      await api.editMessageText(watch.telegramChatId, watch.messageId, text);
    } catch (error) {
      if (!isNotModified(error)) throw error;
    }
  }
  return { done: isRunFinished(run.status), text };
}
