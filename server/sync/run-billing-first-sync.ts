import { db } from "../db";
import type { AccountSummary, ProviderContext, ProviderPlugin } from "../providers/contract";
import { createProviderContext, getProvider, type ContextOptions } from "../providers/registry";
import { decryptCredentials } from "../security/credentials-cipher";
import { createDatabaseArtifacts } from "./artifacts/database-artifacts";
import { clampHistoryDays } from "./billing-window";
import { ARTIFACT_KEYS } from "./artifacts/sync-artifacts";
import type { PhaseRecord, SyncFailure } from "./model/unified-resource";
import type { UnificationOutput } from "./phases/07-unification";
import { completeSync, type CompletionCounts } from "./persistence/complete-sync";
import type { PersistTarget } from "./persistence/persist-resources";
import { finishSyncRun, phaseProgressHooks, startSyncRun, type FinalSyncStatus, type SyncTrigger } from "./persistence/sync-run-records";
import { PHASES, runPhase, serializeError, type SerializedError } from "./run-phase";
import { runStagedPhases, type PhasesSummary } from "./run-phases";
import { summarizeSyncRun, type SyncRunSummary } from "./summarize-sync-run";
import { createInProcessStep, type SyncStep } from "./sync-step";
import { collectUsagePhase } from "./usage/collect-usage-phase";

export type { SyncStep } from "./sync-step";
export { runPhasesWithoutDatabase } from "./run-phases-without-database";
export { createInProcessStep } from "./sync-step";
export type { InventoryReport, UnifiedResource } from "./model/unified-resource";
export type { SyncRunSummary } from "./summarize-sync-run";

export interface SyncConnectionArgs {
  connectionId: string;
  trigger?: SyncTrigger;
  step?: SyncStep;
  contextOverrides?: Partial<ContextOptions>;
  /** A queued SyncRun created by the caller (e.g. the tRPC mutation that sent the Inngest event). */
  syncRunId?: string;
  /** Use this plugin instead of the registry's (tests, sandboxes). */
  plugin?: ProviderPlugin;
  /** Aborts the provider calls in flight (the in-process runner lost its lease). */
  signal?: AbortSignal;
}

export interface SyncOutcome {
  syncRunId: string;
  status: FinalSyncStatus;
  /** Why a run ended `error`: the kind tells whether trying again can help (auth and config never do). */
  error: SerializedError | null;
  summary: SyncRunSummary;
  /** The run had already finished before this call (a duplicate request for the same SyncRun): nothing ran. */
  duplicate: boolean;
}

const FINAL_STATUSES = new Set<string>(["success", "partial", "error"]);
const NO_CHANGES: CompletionCounts = { created: 0, updated: 0, deleted: 0, unchanged: 0, costRowsCreated: 0, costRowsUpdated: 0, costRowsRemoved: 0, costRowsUnchanged: 0, unrecognizedNew: 0, unrecognizedSeenAgain: 0 };

function jsonRecord(value: unknown): Record<string, unknown> {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/**
 * The billing-first sync of one connection, phases 1–8, then the servers' CPU and memory usage when the provider
 * offers it, recording progress on its SyncRun as it goes. Ends `success`, `partial` (a scope, an optional phase or
 * usage failed; earlier data for it untouched) or `error` (auth, config, billing, or a failed write; nothing earlier
 * is removed). Every step has a stable id for Inngest — start, billing, group-by-type, inventory:<project>…, vms,
 * volumes, file-storage, other-services, unification, completion, usage, finish (or abort) — and returns only ids and counts: bulk data passes through the run's
 * SyncArtifact rows, which the finish step deletes. Called again for a SyncRun that already finished, it runs
 * nothing and returns that run's outcome, so a duplicate request never syncs twice.
 */
export async function syncConnection(args: SyncConnectionArgs): Promise<SyncOutcome> {
  const step = args.step ?? createInProcessStep();
  const clock = args.contextOverrides?.now ?? (() => new Date());
  const connection = await db.cloudConnection.findUnique({ where: { id: args.connectionId } });
  if (!connection) throw new Error(`Cloud connection ${args.connectionId} not found`);

  const started = await step.run("start", async () => {
    if (args.syncRunId) {
      const existing = await db.syncRun.findFirst({ where: { id: args.syncRunId, connectionId: connection.id }, select: { status: true } });
      if (existing && FINAL_STATUSES.has(existing.status)) return { syncRunId: args.syncRunId, startedAt: null, finished: await summarizeSyncRun(args.syncRunId) };
    }
    return { ...(await startSyncRun(connection, args.trigger ?? "manual", clock(), args.syncRunId)), finished: null };
  });
  if (started.finished || !started.startedAt) {
    const summary = started.finished!;
    return { syncRunId: started.syncRunId, status: summary.status as FinalSyncStatus, error: null, summary, duplicate: true };
  }
  const syncRunId = started.syncRunId;
  const target: PersistTarget = { organizationId: connection.organizationId, connectionId: connection.id, providerId: connection.providerId, syncRunId, seenAt: new Date(started.startedAt) };
  const hooks = phaseProgressHooks(syncRunId);
  const artifacts = createDatabaseArtifacts(syncRunId);

  const finish = async (status: FinalSyncStatus, details: { error?: SerializedError; phases: PhaseRecord[]; failures?: SyncFailure[]; summary?: PhasesSummary; counts?: CompletionCounts }, stepId = "finish"): Promise<SyncOutcome> => {
    const summary = await step.run(stepId, async () => {
      const run = await db.syncRun.findUniqueOrThrow({ where: { id: syncRunId }, select: { status: true } });
      // A retried finish step after its first attempt cleared the artifacts must not recompute the totals.
      if (!FINAL_STATUSES.has(run.status)) {
        const keep = status !== "error";
        const unified = keep ? await artifacts.get<UnificationOutput>(ARTIFACT_KEYS.unification) : null;
        const account = keep ? await artifacts.get<AccountSummary>(ARTIFACT_KEYS.account) : null;
        await finishSyncRun({
          syncRunId,
          connectionId: connection.id,
          status,
          error: details.error?.message ?? null,
          phases: details.phases,
          failures: details.failures ?? details.summary?.failures ?? [],
          counts: details.counts ?? NO_CHANGES,
          resources: unified?.resources ?? [],
          account,
          currency: details.summary?.currency ?? null,
          finishedAt: clock(),
        });
      }
      await artifacts.clear();
      return summarizeSyncRun(syncRunId);
    });
    return { syncRunId, status, error: details.error ?? null, summary, duplicate: false };
  };

  let plugin: ProviderPlugin;
  let ctx: ProviderContext;
  try {
    plugin = args.plugin ?? getProvider(connection.providerId);
    ctx = createProviderContext(plugin, {
      credentials: decryptCredentials(connection.encryptedCredentials),
      endpointOverrides: jsonRecord(connection.endpointOverrides) as Record<string, string | undefined>,
      settings: jsonRecord(connection.settings),
      ...args.contextOverrides,
    });
    if (args.signal) ctx.signal = args.signal;
  } catch (error) {
    return finish("error", { error: serializeError(error), phases: [] });
  }

  try {
    // The first successful sync brings the connection's history; later ones re-read the recent days only.
    const historyDays = connection.lastSuccessfulSyncAt ? null : clampHistoryDays(connection.historyDays);
    const result = await runStagedPhases(plugin, ctx, { step, hooks, artifacts, historyDays });
    if (!result.ok) return await finish("error", { error: result.error, phases: result.phases });
    const summary = result.summary;
    const completion = await runPhase(
      step,
      PHASES.completion,
      async () => completeSync(target, { ...(await artifacts.get<UnificationOutput>(ARTIFACT_KEYS.unification)), failures: summary.failures, window: summary.window }),
      (counts) => ({ ...counts }),
      { ctx, hooks },
    );
    const phases = [...summary.phases, completion.record];
    if (!completion.ok) return await finish("error", { error: completion.error, phases, summary });
    const failures = [...summary.failures];
    if (plugin.collectUsage) {
      // Usage never costs the run its billing: any failure here, even a refused token, only makes it partial.
      const usage = await runPhase(step, PHASES.usage, () => collectUsagePhase(plugin, ctx, target, clock()), (output) => ({ ...output.counts }), { ctx, hooks });
      phases.push(usage.record);
      if (usage.ok) failures.push(...usage.value.failures);
      else failures.push({ phase: PHASES.usage.id, projectId: null, region: null, error: usage.error.message });
    }
    return await finish(failures.length > 0 ? "partial" : "success", { phases, summary, failures, counts: completion.value });
  } catch (error) {
    // Progress could not be recorded (the database itself failed): still try to close the run.
    return finish("error", { error: serializeError(error), phases: [] }, "abort");
  }
}
