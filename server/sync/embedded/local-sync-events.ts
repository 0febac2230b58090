import { EventEmitter } from "node:events";
import type { SyncEventPayload } from "../../../inngest/events";

/**
 * Where the embedded runner delivers the events Inngest would receive (`connection/sync.completed`, `…failed`):
 * listeners in this process (notifications, tests) subscribe by event name, or to "*" for every event.
 */
export const localSyncEvents = new EventEmitter();
localSyncEvents.setMaxListeners(50);

export function emitLocalSyncEvents(payload: SyncEventPayload | SyncEventPayload[]): void {
  for (const event of Array.isArray(payload) ? payload : [payload]) {
    localSyncEvents.emit(event.name, event);
    localSyncEvents.emit("*", event);
  }
}
