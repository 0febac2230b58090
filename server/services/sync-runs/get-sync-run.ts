import type { PrismaClient } from "../../db";
import { AppError } from "../../api/app-error";
import { listProviders } from "../../providers/registry";
import { durationOf, phasesOf } from "./sync-run-view";

function jsonObject(value: unknown): Record<string, unknown> {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** One run with its phases (live while it runs), counts, totals and error. Tenant-scoped. */
export async function getSyncRun(db: PrismaClient, input: { organizationId: string; syncRunId: string }) {
  const run = await db.syncRun.findFirst({
    where: { id: input.syncRunId, organizationId: input.organizationId },
    include: { connection: { select: { id: true, name: true, providerId: true } } },
  });
  if (!run) throw new AppError("NOT_FOUND", "errors.notFound");
  const phases = phasesOf(run);
  const totalsByType = Object.entries(jsonObject(run.totalsByType))
    .map(([type, value]) => {
      const entry = jsonObject(value);
      return { type, count: typeof entry.count === "number" ? entry.count : 0, monthlyCost: typeof entry.monthlyCost === "string" ? entry.monthlyCost : "0.00" };
    })
    .sort((a, b) => b.count - a.count || a.type.localeCompare(b.type));
  const totalsByStatus = Object.entries(jsonObject(run.totalsByStatus))
    .filter((entry): entry is [string, number] => typeof entry[1] === "number")
    .map(([status, count]) => ({ status, count }))
    .sort((a, b) => b.count - a.count);
  return {
    id: run.id,
    connection: { ...run.connection, providerName: listProviders().find((plugin) => plugin.manifest.id === run.connection.providerId)?.manifest.displayName ?? run.connection.providerId },
    status: run.status,
    trigger: run.trigger,
    currentPhase: run.currentPhase,
    phases,
    phasesDone: phases.filter((phase) => phase.status === "success" || phase.status === "failed").length,
    totalPhases: phases.length,
    counts: { created: run.resourcesCreated, updated: run.resourcesUpdated, deleted: run.resourcesDeleted, unchanged: run.resourcesUnchanged },
    totalsByType,
    totalsByStatus,
    monthlyCostTotal: run.monthlyCostTotal?.toFixed(2) ?? null,
    currency: run.currency,
    apiCalls: run.apiCalls,
    cacheHits: run.cacheHits,
    cacheMisses: run.cacheMisses,
    error: run.error,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
    createdAt: run.createdAt,
    durationMs: durationOf(run),
  };
}
