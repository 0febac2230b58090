import { z } from "zod";

/** What a /sync progress watch needs: which run, and which message to keep editing. */
export const syncProgressWatchData = z.object({
  syncRunId: z.string(),
  organizationId: z.string(),
  connectionName: z.string(),
  telegramChatId: z.string(),
  messageId: z.number().int(),
  locale: z.string(),
});
export type SyncProgressWatch = z.infer<typeof syncProgressWatchData>;

/** Between two looks at the run: fast enough to follow the phases, slow enough for Telegram's edit limits. */
export const SYNC_PROGRESS_POLL_MS = 1_500;
/** A sync taking longer is left to the web page; the message says so. */
export const SYNC_PROGRESS_MAX_POLLS = 400;
