import { db } from "../db";

/** At most this many ids per list in a summary (and so in a `connection/sync.completed` event). */
export const SUMMARY_ID_LIMIT = 100;

/** What a finished run changed, small enough for a step result and an event: counts, totals, bounded id lists. */
export interface SyncRunSummary {
  status: string;
  error: string | null;
  currency: string | null;
  totals: {
    /** Monthly cost of every active resource the run saw, decimal string; null when the run ended in error. */
    monthly: string | null;
    byType: Record<string, { count: number; monthlyCost: string }>;
    byStatus: Record<string, number>;
  };
  counts: { created: number; updated: number; deleted: number; unchanged: number };
  /** Resource ids created, updated or deleted by the run (the first SUMMARY_ID_LIMIT); `changedCount` is all of them. */
  changedResourceIds: string[];
  changedCount: number;
  /** Resources that became zombies (billed but gone) or orphans (unattached, unused) in this run. */
  newZombieIds: string[];
  newOrphanIds: string[];
}

function becameTrue(change: string, diff: unknown, field: "isZombie" | "isOrphan"): boolean {
  if (change === "created") return true;
  const entry = diff && typeof diff === "object" ? (diff as Record<string, { after?: unknown } | undefined>)[field] : undefined;
  return entry?.after === true;
}

/** Reads the summary of a run from its SyncRun row and ResourceState rows (any time after it finished). */
export async function summarizeSyncRun(syncRunId: string): Promise<SyncRunSummary> {
  const run = await db.syncRun.findUniqueOrThrow({
    where: { id: syncRunId },
    select: { status: true, error: true, currency: true, monthlyCostTotal: true, totalsByType: true, totalsByStatus: true, resourcesCreated: true, resourcesUpdated: true, resourcesDeleted: true, resourcesUnchanged: true },
  });
  const changed = await db.resourceState.findMany({
    where: { syncRunId, change: { not: "unchanged" } },
    select: { resourceId: true },
    orderBy: [{ change: "asc" }, { resourceId: "asc" }],
    take: SUMMARY_ID_LIMIT,
  });
  const flagged = await db.resourceState.findMany({
    where: { syncRunId, change: { in: ["created", "updated"] }, resource: { OR: [{ isZombie: true }, { isOrphan: true }] } },
    select: { resourceId: true, change: true, diff: true, resource: { select: { isZombie: true, isOrphan: true } } },
    orderBy: { resourceId: "asc" },
  });
  const counts = { created: run.resourcesCreated, updated: run.resourcesUpdated, deleted: run.resourcesDeleted, unchanged: run.resourcesUnchanged };
  return {
    status: run.status,
    error: run.error,
    currency: run.currency,
    totals: {
      monthly: run.monthlyCostTotal?.toFixed(2) ?? null,
      byType: (run.totalsByType ?? {}) as SyncRunSummary["totals"]["byType"],
      byStatus: (run.totalsByStatus ?? {}) as SyncRunSummary["totals"]["byStatus"],
    },
    counts,
    changedResourceIds: changed.map((state) => state.resourceId),
    changedCount: counts.created + counts.updated + counts.deleted,
    newZombieIds: flagged.filter((state) => state.resource.isZombie && becameTrue(state.change, state.diff, "isZombie")).map((state) => state.resourceId).slice(0, SUMMARY_ID_LIMIT),
    newOrphanIds: flagged.filter((state) => state.resource.isOrphan && becameTrue(state.change, state.diff, "isOrphan")).map((state) => state.resourceId).slice(0, SUMMARY_ID_LIMIT),
  };
}
