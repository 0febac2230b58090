import type { SyncRequestedData } from "../../../inngest/events";
import { runSyncRequested, type SyncJobResult, type SyncJobStep } from "../../../inngest/functions/sync/sync-connection";
import { db } from "../../db";
import { childLogger } from "../../logger";
import { acquireSyncLease, closeInterruptedRuns, EMBEDDED_LEASE_TTL_MS, newLeaseOwner, releaseSyncLease, renewSyncLease } from "../lease/sync-lease";
import { createInProcessStep } from "../sync-step";
import { emitLocalSyncEvents } from "./local-sync-events";

const log = childLogger("sync");

export interface EmbeddedSyncOptions {
  data: SyncRequestedData;
  /** The lease the caller took for this run (claimConnectionSync); null: wait until it can be taken. */
  lease: { owner: string } | null;
  ttlMs?: number;
  /** How often a waiting runner tries the lease again. */
  pollMs?: number;
  /** Give up waiting after this long: the run ends `error`. */
  waitLimitMs?: number;
}

/** The in-process runner's step tools: Inngest's `step.run` semantics (JSON results, unique ids), events to this process. */
export function createEmbeddedStep(): SyncJobStep {
  const step = createInProcessStep();
  return {
    parallel: step.parallel,
    run: (id, fn) => step.run(id, fn),
    async sendEvent(id, payload) {
      await step.run(id, async () => {
        emitLocalSyncEvents(payload);
        return null;
      });
    },
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs the `sync-connection` function's code in this process: the same steps, through a `step.run`-compatible
 * runner, under the connection's lease. Without a lease it first waits for one (another process holds it until
 * its sync ends or the lease expires). While the sync runs the lease is renewed every third of its TTL; if it is
 * lost anyway (this process stalled past the TTL and another took over), the provider calls are aborted.
 * Returns null when the run ended before it could start (another runner closed it as interrupted, or the wait
 * ran out).
 */
export async function runEmbeddedSync(options: EmbeddedSyncOptions): Promise<SyncJobResult | null> {
  const { data } = options;
  const ttlMs = options.ttlMs ?? EMBEDDED_LEASE_TTL_MS;
  let owner = options.lease?.owner ?? null;
  const waitUntil = Date.now() + (options.waitLimitMs ?? 15 * 60_000);
  while (!owner) {
    const candidate = newLeaseOwner();
    if (await acquireSyncLease(db, { connectionId: data.connectionId, owner: candidate, syncRunId: data.syncRunId, ttlMs })) {
      owner = candidate;
      await closeInterruptedRuns(db, data.connectionId, data.syncRunId);
      break;
    }
    const run = await db.syncRun.findUnique({ where: { id: data.syncRunId }, select: { status: true } });
    if (!run || (run.status !== "queued" && run.status !== "running")) return null;
    if (Date.now() > waitUntil) {
      await db.syncRun.update({ where: { id: data.syncRunId }, data: { status: "error", error: "Another sync of this connection held it for too long; try again later.", finishedAt: new Date() } });
      return null;
    }
    await sleep(options.pollMs ?? 1_000);
  }
  const held = owner;

  const controller = new AbortController();
  let finished = false;
  const renew = async () => {
    try {
      if (finished || (await renewSyncLease(db, { connectionId: data.connectionId, owner: held, ttlMs }))) return;
      // The run's own last steps give the lease back just before it returns.
      const run = await db.syncRun.findUnique({ where: { id: data.syncRunId }, select: { status: true } });
      if (finished || (run?.status !== "running" && run?.status !== "queued")) return;
      log.warn({ syncRunId: data.syncRunId }, "sync lease lost; aborting the provider calls of this run");
      controller.abort(new Error("sync lease lost"));
    } catch (error) {
      log.warn({ err: error, syncRunId: data.syncRunId }, "could not renew the sync lease");
    }
  };
  const heartbeat = setInterval(() => void renew(), Math.max(50, Math.floor(ttlMs / 3)));
  heartbeat.unref();
  try {
    return await runSyncRequested({ data, step: createEmbeddedStep(), signal: controller.signal });
  } finally {
    finished = true;
    clearInterval(heartbeat);
    await releaseSyncLease(db, { connectionId: data.connectionId, owner: held }).catch((error: unknown) => log.warn({ err: error }, "could not release the sync lease"));
  }
}
