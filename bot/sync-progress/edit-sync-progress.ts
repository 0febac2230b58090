import type { Api } from "grammy";
import { isMessageNotModified } from "../commands/message-not-modified";
import { db } from "../../server/db";
import { isRunFinished, renderSyncProgress } from "./render-sync-progress";
import type { SyncProgressWatch } from "./sync-progress-watch";

export interface ProgressStep {
  done: boolean;
  text: string;
}

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
      if (!isMessageNotModified(error)) throw error;
    }
  }
  return { done: isRunFinished(run.status), text };
}
