import { db } from "../../db";
import type { AccountSummary } from "../../providers/contract";
import type { PhaseHooks } from "../run-phase";
import type { PhaseRecord, SyncFailure, UnifiedResource } from "../model/unified-resource";
import { sumDecimals } from "../model/money";
import type { ChangeCounts } from "./persist-resources";
import { toJson } from "./to-json";

export type SyncTrigger = "manual" | "schedule" | "api" | "seed";
export type FinalSyncStatus = "success" | "partial" | "error";

/** Creates the run (or takes over a queued one the caller created) and marks the connection as syncing. */
export async function startSyncRun(connection: { id: string; organizationId: string }, trigger: SyncTrigger, startedAt: Date, syncRunId?: string): Promise<{ syncRunId: string; startedAt: string }> {
  const data = { status: "running" as const, trigger, startedAt, phases: [], currentPhase: null, error: null };
  if (syncRunId && !(await db.syncRun.findFirst({ where: { id: syncRunId, connectionId: connection.id }, select: { id: true } }))) {
    throw new Error(`Sync run ${syncRunId} does not belong to connection ${connection.id}`);
  }
  const run = syncRunId
    ? await db.syncRun.update({ where: { id: syncRunId }, data })
    : await db.syncRun.create({ data: { ...data, organizationId: connection.organizationId, connectionId: connection.id } });
  await db.cloudConnection.update({ where: { id: connection.id }, data: { status: "syncing" } });
  return { syncRunId: run.id, startedAt: startedAt.toISOString() };
}

function withPhase(phases: unknown, record: PhaseRecord): PhaseRecord[] {
  const list = Array.isArray(phases) ? (phases as PhaseRecord[]) : [];
  return list.some((phase) => phase.id === record.id) ? list.map((phase) => (phase.id === record.id ? record : phase)) : [...list, record];
}

/**
 * Stores progress as it goes (phase list, current phase, API calls), so the UI and the bot can show it live. Only
 * while the run is queued or running: Inngest delivers a step at least once, and a late copy of a step that is
 * still going when the run finishes must not write "running" over the final phases.
 */
export function phaseProgressHooks(syncRunId: string): PhaseHooks {
  const save = async (record: PhaseRecord) => {
    const run = await db.syncRun.findUniqueOrThrow({ where: { id: syncRunId }, select: { phases: true } });
    const phases = withPhase(run.phases, record);
    await db.syncRun.updateMany({
      where: { id: syncRunId, status: { in: ["queued", "running"] } },
      data: {
        phases: toJson(phases),
        currentPhase: record.status === "running" ? record.id : undefined,
        apiCalls: phases.reduce((sum, phase) => sum + phase.apiCalls, 0),
        cacheHits: phases.reduce((sum, phase) => sum + phase.cacheHits, 0),
        cacheMisses: phases.reduce((sum, phase) => sum + phase.cacheMisses, 0),
      },
    });
  };
  return { onPhaseStart: save, onPhaseEnd: save };
}

export function totalsOf(resources: UnifiedResource[]) {
  const byType: Record<string, { count: number; monthlyCost: string }> = {};
  const byStatus: Record<string, number> = {};
  for (const resource of resources) {
    const entry = byType[resource.type] ?? { count: 0, monthlyCost: "0.00" };
    byType[resource.type] = { count: entry.count + 1, monthlyCost: sumDecimals([entry.monthlyCost, resource.monthlyCost], 2) };
    byStatus[resource.status] = (byStatus[resource.status] ?? 0) + 1;
  }
  return { byType, byStatus, monthly: sumDecimals(resources.map((resource) => resource.monthlyCost), 2) };
}

export interface FinishArgs {
  syncRunId: string;
  connectionId: string;
  status: FinalSyncStatus;
  error: string | null;
  phases: PhaseRecord[];
  failures: SyncFailure[];
  counts: ChangeCounts;
  resources: UnifiedResource[];
  account: AccountSummary | null;
  currency: string | null;
  finishedAt: Date;
}

/** Final status, counts and totals on the run; status, balance and sync times on the connection. */
export async function finishSyncRun(args: FinishArgs): Promise<void> {
  const totals = totalsOf(args.resources);
  const failureSummary = args.failures.map((failure) => `${failure.phase}${failure.projectId || failure.region ? ` ${failure.projectId ?? "*"}/${failure.region ?? "*"}` : ""}: ${failure.error}`).join("; ");
  await db.syncRun.update({
    where: { id: args.syncRunId },
    data: {
      status: args.status,
      // Without phase records (the run died before or outside the phases) keep the progress already stored.
      ...(args.phases.length > 0
        ? {
            phases: toJson(args.phases),
            apiCalls: args.phases.reduce((sum, phase) => sum + phase.apiCalls, 0),
            cacheHits: args.phases.reduce((sum, phase) => sum + phase.cacheHits, 0),
            cacheMisses: args.phases.reduce((sum, phase) => sum + phase.cacheMisses, 0),
          }
        : {}),
      currentPhase: null,
      resourcesCreated: args.counts.created,
      resourcesUpdated: args.counts.updated,
      resourcesDeleted: args.counts.deleted,
      resourcesUnchanged: args.counts.unchanged,
      totalsByType: toJson(totals.byType),
      totalsByStatus: toJson(totals.byStatus),
      monthlyCostTotal: args.status === "error" ? null : totals.monthly,
      currency: args.currency,
      error: args.error ?? (failureSummary || null),
      finishedAt: args.finishedAt,
    },
  });
  const account = args.account;
  await db.cloudConnection.update({
    where: { id: args.connectionId },
    data: {
      status: args.status === "error" ? "error" : "active",
      statusMessage: args.status === "error" ? args.error : args.status === "partial" ? failureSummary : null,
      lastSyncAt: args.finishedAt,
      // A partial run still wrote fresh data for every scope that answered.
      ...(args.status === "error" ? {} : { lastSuccessfulSyncAt: args.finishedAt }),
      ...(account && args.status !== "error"
        ? { accountId: account.accountId, accountName: account.accountName, balance: account.balance, balanceCurrency: account.currency.slice(0, 3) }
        : {}),
    },
  });
}
