import { NonRetriableError, RetryAfterError } from "inngest";
import { db } from "../../../server/db";
import { isProviderError } from "../../../server/providers/errors";
import { INNGEST_LEASE_TTL_MS, releaseSyncLease, renewSyncLease } from "../../../server/sync/lease/sync-lease";
import { syncConnection, type SyncOutcome } from "../../../server/sync/run-billing-first-sync";
import type { SyncStep } from "../../../server/sync/sync-step";
import { inngest } from "../../client";
import { connectionSyncCompleted, connectionSyncFailed, connectionSyncRequested, syncEventIds, type SyncEventPayload, type SyncRequestedData } from "../../events";

/** What the sync needs from a runner: `step.run` (memoized), and `step.sendEvent` for the outcome events. */
export interface SyncJobStep extends SyncStep {
  sendEvent(id: string, payload: SyncEventPayload | SyncEventPayload[]): Promise<unknown>;
}

/** The function's result: small, like every step result. */
export interface SyncJobResult {
  syncRunId: string;
  status: SyncOutcome["status"];
  duplicate: boolean;
  counts: SyncOutcome["summary"]["counts"];
  changedCount: number;
  error: SyncOutcome["error"];
}

/** Retries of each step (Inngest's default backoff between them); a rate limit waits RATE_LIMIT_WAIT instead. */
export const SYNC_RETRIES = 4;
const RATE_LIMIT_WAIT = "30s";

/**
 * The body of the `sync-connection` function, shared by Inngest and the embedded runner: the billing-first sync
 * of the requested SyncRun (phases as steps), then the lease given back and one outcome event. A request for a
 * run that already finished does nothing again and emits nothing.
 */
export async function runSyncRequested({ data, step, signal }: { data: SyncRequestedData; step: SyncJobStep; signal?: AbortSignal }): Promise<SyncJobResult> {
  if (!(await db.cloudConnection.findUnique({ where: { id: data.connectionId }, select: { id: true } }))) {
    // Deleted while the request waited (its runs went with it): nothing to sync, nothing to retry.
    const error = { message: `Cloud connection ${data.connectionId} no longer exists`, kind: "config" as const, provider: null, providerMessage: null, status: null };
    return { syncRunId: data.syncRunId, status: "error", duplicate: false, counts: { created: 0, updated: 0, deleted: 0, unchanged: 0 }, changedCount: 0, error };
  }
  const outcome = await syncConnection({ connectionId: data.connectionId, syncRunId: data.syncRunId, trigger: data.trigger, step, signal });
  await step.run("release-lease", async () => {
    await releaseSyncLease(db, { connectionId: data.connectionId, syncRunId: outcome.syncRunId });
    return null;
  });
  const { summary } = outcome;
  const result: SyncJobResult = { syncRunId: outcome.syncRunId, status: outcome.status, duplicate: outcome.duplicate, counts: summary.counts, changedCount: summary.changedCount, error: outcome.error };
  if (outcome.duplicate) return result;

  const ids = { connectionId: data.connectionId, organizationId: data.organizationId, syncRunId: outcome.syncRunId };
  if (outcome.status === "error") {
    const error = outcome.error ?? { message: summary.error ?? "sync failed", kind: "internal", providerMessage: null };
    await step.sendEvent("emit-failed", connectionSyncFailed.create({ ...ids, error: { message: error.message, kind: error.kind, providerMessage: error.providerMessage ?? null } }, { id: syncEventIds.failed(outcome.syncRunId) }));
    return result;
  }
  await step.sendEvent(
    "emit-completed",
    connectionSyncCompleted.create(
      {
        ...ids,
        status: outcome.status,
        totals: { monthly: summary.totals.monthly, currency: summary.currency, byType: summary.totals.byType, byStatus: summary.totals.byStatus },
        counts: summary.counts,
        changedResourceIds: summary.changedResourceIds,
        changedCount: summary.changedCount,
        newZombieIds: summary.newZombieIds,
        newOrphanIds: summary.newOrphanIds,
        warning: outcome.status === "partial" ? summary.error : null,
      },
      { id: syncEventIds.completed(outcome.syncRunId) },
    ),
  );
  return result;
}

/**
 * Executions of one step of one run in this process, one after another. Inngest may deliver a step twice (it runs
 * steps at least once; @inngest/test re-runs steps after a parallel fan-out, concurrently): every step is
 * idempotent when repeated in sequence, so overlapping copies wait for each other here.
 */
const stepsInFlight = new Map<string, Promise<unknown>>();
async function oneAtATime<T>(key: string, fn: () => Promise<T>): Promise<T> {
  const previous = stepsInFlight.get(key) ?? Promise.resolve();
  const current = previous.catch(() => undefined).then(fn);
  stepsInFlight.set(key, current);
  try {
    return await current;
  } finally {
    if (stepsInFlight.get(key) === current) stepsInFlight.delete(key);
  }
}

/**
 * Adapts Inngest's step tools to the sync: parallel steps, a lease renewal at the start of every step (the run is
 * alive), transient provider errors thrown for Inngest to retry with backoff (a 429 after RATE_LIMIT_WAIT) until
 * the last attempt, when the phase records them instead and the run ends partial or error.
 */
export function inngestSyncStep(
  step: { run: (id: string, fn: () => Promise<unknown>) => Promise<unknown>; sendEvent: (id: string, payload: never) => Promise<unknown> },
  context: { attempt: number; maxAttempts?: number; connectionId: string; syncRunId: string },
): SyncJobStep {
  const lastAttempt = context.attempt >= (context.maxAttempts ?? SYNC_RETRIES + 1) - 1;
  return {
    parallel: true,
    shouldRetry: (error) => !lastAttempt && isProviderError(error) && error.retryable,
    run: <T,>(id: string, fn: () => Promise<T>) =>
      step.run(id, () =>
        oneAtATime(`${context.syncRunId}:${id}`, async () => {
          await renewSyncLease(db, { connectionId: context.connectionId, syncRunId: context.syncRunId, ttlMs: INNGEST_LEASE_TTL_MS });
          try {
            return await fn();
          } catch (error) {
            if (isProviderError(error) && error.kind === "rate_limited" && !lastAttempt) throw new RetryAfterError(error.message, RATE_LIMIT_WAIT, { cause: error });
            throw error;
          }
        }),
      ) as Promise<T>,
    sendEvent: (id, payload) => step.sendEvent(id, payload as never),
  };
}

/**
 * `connection/sync.requested` → the billing-first sync of that connection. One run per connection at a time
 * (concurrency key), runs of one provider account spread out (throttle), each phase a retried step. A run that
 * ends `error` (auth, config, billing) is recorded with the provider's message first, then the function fails
 * with NonRetriableError: nothing would change by running it again.
 */
export const syncConnectionFunction = inngest.createFunction(
  {
    id: "sync-connection",
    name: "Sync a cloud connection (billing first)",
    triggers: [connectionSyncRequested],
    concurrency: { key: "event.data.connectionId", limit: 1 },
    throttle: { key: "event.data.accountKey", limit: 2, period: "1m", burst: 2 },
    retries: SYNC_RETRIES,
    onFailure: async ({ event, error, step }) => {
      // Retries ran out on something other than a phase (a step threw: the database, a bug): close the run.
      const data = event.data.event.data as SyncRequestedData;
      await step.run("close-failed-run", async () => {
        await db.syncRun.updateMany({
          where: { id: data.syncRunId, status: { in: ["queued", "running"] } },
          data: { status: "error", error: error.message.slice(0, 2000), currentPhase: null, finishedAt: new Date() },
        });
        await db.syncArtifact.deleteMany({ where: { syncRunId: data.syncRunId } });
        await releaseSyncLease(db, { connectionId: data.connectionId, syncRunId: data.syncRunId });
        return null;
      });
    },
  },
  async ({ event, step, attempt, maxAttempts }) => {
    const data = event.data;
    const result = await runSyncRequested({ data, step: inngestSyncStep(step, { attempt, maxAttempts, connectionId: data.connectionId, syncRunId: data.syncRunId }) });
    if (result.status === "error" && !result.duplicate) {
      throw new NonRetriableError(result.error?.message ?? "sync failed", { cause: result.error });
    }
    return result;
  },
);
