import { connectionSyncCompleted, connectionSyncFailed, syncCompletedData, syncFailedData } from "../../../inngest/events";
import type { PrismaClient } from "../../db";
import type { TelegramAlert } from "../telegram-alert";
import { evaluateSyncCompleted, evaluateSyncFailed } from "./evaluate-sync-outcome";

export interface SyncOutcomeEvent {
  name: string;
  data: unknown;
}

/** `connection/sync.completed` or `…failed` → the alerts it raises (none for any other event). */
export function evaluateSyncEvent(db: PrismaClient, appUrl: string, event: SyncOutcomeEvent, now = new Date()): Promise<TelegramAlert[]> {
  if (event.name === connectionSyncFailed.name) return evaluateSyncFailed(db, appUrl, syncFailedData.parse(event.data));
  if (event.name === connectionSyncCompleted.name) return evaluateSyncCompleted(db, appUrl, syncCompletedData.parse(event.data), now);
  return Promise.resolve([]);
}
