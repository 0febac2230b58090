import { db } from "../db";
import type { BillingWindow, ProviderContext, ProviderPlugin } from "../providers/contract";
import { ProviderError } from "../providers/errors";
import { createProviderContext, getProvider, type ContextOptions } from "../providers/registry";
import { decryptCredentials } from "../security/credentials-cipher";
import type { InventoryReport, PhaseRecord } from "./model/unified-resource";
import { completeSync, type CompletionCounts } from "./persistence/complete-sync";
import type { PersistTarget } from "./persistence/persist-resources";
import { finishSyncRun, phaseProgressHooks, startSyncRun, type FinalSyncStatus, type SyncTrigger } from "./persistence/sync-run-records";
import { PHASES, runPhase, serializeError, type SerializedError } from "./run-phase";
import { runPhases } from "./run-phases";
import { createInProcessStep, type SyncStep } from "./sync-step";

export type { SyncStep } from "./sync-step";
export { createInProcessStep } from "./sync-step";
export type { InventoryReport, UnifiedResource } from "./model/unified-resource";

function toProviderError(error: SerializedError): ProviderError {
  return new ProviderError(error.message, {
    provider: error.provider ?? "sync",
    kind: error.kind === "internal" ? "bad_response" : error.kind,
    providerMessage: error.providerMessage ?? undefined,
    status: error.status ?? undefined,
  });
}

/**
 * Phases 1–7 against a provider without touching the database (the `inventory` CLI, previews, benchmarks).
 * Throws a ProviderError when the run cannot produce a result (auth, config, billing unavailable).
 */
export async function runPhasesWithoutDatabase(plugin: ProviderPlugin, ctx: ProviderContext, options: { window?: BillingWindow } = {}): Promise<InventoryReport> {
  const result = await runPhases(plugin, ctx, { step: createInProcessStep(), window: options.window });
  if (!result.ok) throw toProviderError(result.error);
  return result.report;
}

export interface SyncConnectionArgs {
  connectionId: string;
  trigger?: SyncTrigger;
  step?: SyncStep;
  contextOverrides?: Partial<ContextOptions>;
  /** A queued SyncRun created by the caller (e.g. the tRPC mutation that sent the Inngest event). */
  syncRunId?: string;
  /** Use this plugin instead of the registry's (tests, sandboxes). */
  plugin?: ProviderPlugin;
}

const NO_CHANGES: CompletionCounts = { created: 0, updated: 0, deleted: 0, unchanged: 0, costRowsCreated: 0, costRowsUpdated: 0, costRowsRemoved: 0, costRowsUnchanged: 0, unrecognizedNew: 0, unrecognizedSeenAgain: 0 };

function jsonRecord(value: unknown): Record<string, unknown> {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/**
 * The billing-first sync of one connection, phases 1–8, recording progress on its SyncRun as it goes. Ends
 * `success`, `partial` (a scope or an optional phase failed; earlier data for it untouched) or `error` (auth,
 * config, billing, or a failed write; nothing earlier is removed). Every step has a stable id for Inngest.
 */
export async function syncConnection(args: SyncConnectionArgs): Promise<{ syncRunId: string; status: FinalSyncStatus }> {
  const step = args.step ?? createInProcessStep();
  const clock = args.contextOverrides?.now ?? (() => new Date());
  const connection = await db.cloudConnection.findUnique({ where: { id: args.connectionId } });
  if (!connection) throw new Error(`Cloud connection ${args.connectionId} not found`);
  const started = await step.run("start", () => startSyncRun(connection, args.trigger ?? "manual", clock(), args.syncRunId));
  const target: PersistTarget = { organizationId: connection.organizationId, connectionId: connection.id, providerId: connection.providerId, syncRunId: started.syncRunId, seenAt: new Date(started.startedAt) };
  const hooks = phaseProgressHooks(started.syncRunId);

  const finish = async (status: FinalSyncStatus, details: { error?: string; phases: PhaseRecord[]; report?: InventoryReport; counts?: CompletionCounts; account?: InventoryReport["account"] | null }, stepId = "finish") => {
    await step.run(stepId, () =>
      finishSyncRun({
        syncRunId: started.syncRunId,
        connectionId: connection.id,
        status,
        error: details.error ?? null,
        phases: details.phases,
        failures: details.report?.failures ?? [],
        counts: details.counts ?? NO_CHANGES,
        resources: status === "error" ? [] : (details.report?.resources ?? []),
        account: details.account ?? details.report?.account ?? null,
        currency: details.report?.currency ?? null,
        finishedAt: clock(),
      }),
    );
    return { syncRunId: started.syncRunId, status };
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
  } catch (error) {
    return finish("error", { error: serializeError(error).message, phases: [] });
  }

  try {
    const result = await runPhases(plugin, ctx, { step, hooks });
    if (!result.ok) return await finish("error", { error: result.error.message, phases: result.phases, account: result.account });
    const report = result.report;
    const completion = await runPhase(step, PHASES.completion, () => completeSync(target, report), (counts) => ({ ...counts }), { ctx, hooks });
    const phases = [...report.phases, completion.record];
    if (!completion.ok) return await finish("error", { error: completion.error.message, phases, report });
    return await finish(report.failures.length > 0 ? "partial" : "success", { phases, report, counts: completion.value });
  } catch (error) {
    // Progress could not be recorded (the database itself failed): still try to close the run.
    return finish("error", { error: serializeError(error).message, phases: [] }, "abort");
  }
}
