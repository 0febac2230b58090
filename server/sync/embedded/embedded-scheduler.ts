import { db } from "../../db";
import { childLogger } from "../../logger";
import { SYSTEM_IDENTITY, type RequestIdentity } from "../../services/audit/record-audit-event";
import { findDueConnections } from "../../services/sync/find-due-connections";
import { queueConnectionSync } from "../../services/sync/request-connection-sync";

const log = childLogger("sync-scheduler");

export const SCHEDULER_IDENTITY: RequestIdentity = { ...SYSTEM_IDENTITY, userAgent: "infrazen-scheduler" };

export interface SchedulerOptions {
  /** Between checks for due connections (the Inngest cron checks every 15 minutes). */
  intervalMs?: number;
  /** Before the first check: let the server finish starting. */
  firstDelayMs?: number;
  now?: () => Date;
}

export interface EmbeddedScheduler {
  /** One check now: queues every due connection's sync and waits for them, one after another. Returns their run ids. */
  tick(): Promise<string[]>;
  stop(): void;
}

/**
 * The embedded mode's schedule: a timer in the server process that runs the cron function's query (connections
 * due by their own interval) and syncs each due connection through the normal path, one at a time so a server
 * with many connections is not flooded. A tick still running when the next is due is not doubled.
 */
export function createEmbeddedScheduler(options: SchedulerOptions = {}): EmbeddedScheduler & { start(): void } {
  const now = options.now ?? (() => new Date());
  let running: Promise<string[]> | null = null;
  let timers: NodeJS.Timeout[] = [];

  const runTick = async (): Promise<string[]> => {
    const started: string[] = [];
    for (const due of await findDueConnections(db, now())) {
      try {
        const queued = await queueConnectionSync(db, SCHEDULER_IDENTITY, { organizationId: due.organizationId, connectionId: due.connectionId, trigger: "schedule" });
        if (queued.alreadyRunning) continue;
        started.push(queued.syncRunId);
        await queued.done;
      } catch (error) {
        log.error({ err: error, connectionId: due.connectionId }, "scheduled sync could not start");
      }
    }
    return started;
  };
  const tick = () => {
    running ??= runTick().finally(() => {
      running = null;
    });
    return running;
  };
  const safeTick = () =>
    void tick().catch((error: unknown) => log.error({ err: error }, "scheduled sync check failed"));

  return {
    tick,
    start() {
      const first = setTimeout(safeTick, options.firstDelayMs ?? 60_000);
      const every = setInterval(safeTick, options.intervalMs ?? 5 * 60_000);
      first.unref();
      every.unref();
      timers = [first, every];
      log.info({ intervalMs: options.intervalMs ?? 5 * 60_000 }, "embedded sync scheduler started");
    },
    stop() {
      for (const timer of timers) clearTimeout(timer);
      timers = [];
    },
  };
}

const globalForScheduler = globalThis as unknown as { infrazenSyncScheduler?: EmbeddedScheduler };

/** Starts the process's one scheduler (idempotent: Next may evaluate the instrumentation hook more than once). */
export function startEmbeddedScheduler(options: SchedulerOptions = {}): EmbeddedScheduler {
  if (!globalForScheduler.infrazenSyncScheduler) {
    const scheduler = createEmbeddedScheduler(options);
    scheduler.start();
    globalForScheduler.infrazenSyncScheduler = scheduler;
  }
  return globalForScheduler.infrazenSyncScheduler;
}
