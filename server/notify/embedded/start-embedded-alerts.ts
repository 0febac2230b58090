import { readTelegramConfig } from "../../../bot/telegram-config";
import { connectionSyncCompleted, connectionSyncFailed, type SyncEventPayload } from "../../../inngest/events";
import { db } from "../../db";
import { childLogger } from "../../logger";
import { localSyncEvents } from "../../sync/embedded/local-sync-events";
import { evaluateSyncEvent } from "../alerts/evaluate-sync-event";
import { dispatchTelegramDeliveries } from "../dispatch-telegram-deliveries";
import { queueTelegramDeliveries } from "../queue-telegram-deliveries";
import { sendDueDigests } from "../digest/send-due-digests";

const log = childLogger("notify");

export interface EmbeddedAlertsOptions {
  /** Between digest checks: several per hour, so a slow or late timer still meets each chat's Monday 09:xx. */
  digestIntervalMs?: number;
  firstDigestDelayMs?: number;
  now?: () => Date;
}

export interface EmbeddedAlerts {
  /** Resolves when every sync event received so far has been handled. */
  idle(): Promise<void>;
  /** One digest check now; returns the deliveries it sent. */
  digestTick(): Promise<string[]>;
  stop(): void;
}

/** The alerts of one sync outcome in this process: evaluated, recorded once per cause, sent. */
export async function alertOnSyncEventInProcess(event: SyncEventPayload, now = new Date()): Promise<string[]> {
  const config = readTelegramConfig();
  if (!config) return [];
  const alerts = await evaluateSyncEvent(db, config.appUrl, event, now);
  const ids = await queueTelegramDeliveries(db, alerts);
  await dispatchTelegramDeliveries(ids);
  return ids;
}

/**
 * The embedded mode's alert-on-sync-outcome and send-weekly-digests: listeners on the in-process sync events and
 * a digest timer. Events are handled one at a time, in order (as Inngest's per-organization concurrency of one
 * does); a failure is logged and never reaches the sync that emitted the event.
 */
export function createEmbeddedAlerts(options: EmbeddedAlertsOptions = {}): EmbeddedAlerts & { start(): void } {
  const now = options.now ?? (() => new Date());
  let queue: Promise<void> = Promise.resolve();
  let timers: NodeJS.Timeout[] = [];
  const onSyncEvent = (event: SyncEventPayload) => {
    queue = queue
      .then(() => alertOnSyncEventInProcess(event, now()))
      .then(
        () => undefined,
        (error: unknown) => log.error({ err: error, event: event.name, id: event.id }, "sync alerts failed"),
      );
  };
  let digestRunning: Promise<string[]> | null = null;
  const digestTick = () => {
    digestRunning ??= sendDueDigests(db, now()).finally(() => {
      digestRunning = null;
    });
    return digestRunning;
  };
  const safeDigestTick = () => void digestTick().catch((error: unknown) => log.error({ err: error }, "weekly digest check failed"));

  return {
    idle: async () => {
      // A handler may be chained while the previous one finishes: wait until the chain stops growing.
      for (let seen = queue; ; seen = queue) {
        await seen;
        if (seen === queue) return;
      }
    },
    digestTick,
    start() {
      localSyncEvents.on(connectionSyncCompleted.name, onSyncEvent);
      localSyncEvents.on(connectionSyncFailed.name, onSyncEvent);
      const first = setTimeout(safeDigestTick, options.firstDigestDelayMs ?? 60_000);
      const every = setInterval(safeDigestTick, options.digestIntervalMs ?? 10 * 60_000);
      first.unref();
      every.unref();
      timers = [first, every];
      log.info("embedded telegram alerts started");
    },
    stop() {
      localSyncEvents.off(connectionSyncCompleted.name, onSyncEvent);
      localSyncEvents.off(connectionSyncFailed.name, onSyncEvent);
      for (const timer of timers) clearTimeout(timer);
      timers = [];
    },
  };
}

const globalForAlerts = globalThis as unknown as { infrazenEmbeddedAlerts?: EmbeddedAlerts };

/** Starts the process's one set of listeners and digest timer (idempotent: Next may load the hook more than once). */
export function startEmbeddedAlerts(options: EmbeddedAlertsOptions = {}): EmbeddedAlerts {
  if (!globalForAlerts.infrazenEmbeddedAlerts) {
    const alerts = createEmbeddedAlerts(options);
    alerts.start();
    globalForAlerts.infrazenEmbeddedAlerts = alerts;
  }
  return globalForAlerts.infrazenEmbeddedAlerts;
}
