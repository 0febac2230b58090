import type { PrismaClient } from "../../db";

/**
 * The run that opened the current streak of failed (or partial) runs of a connection: the first such run since
 * its last fully successful one. A connection failing every 15 minutes keeps one streak, hence one alert, until
 * a sync succeeds again; the next failure then opens a new streak.
 */
export async function findSyncStreakStart(db: PrismaClient, run: { id: string; connectionId: string; createdAt: Date }, status: "error" | "partial"): Promise<string> {
  const lastSuccess = await db.syncRun.findFirst({
    where: { connectionId: run.connectionId, status: "success", createdAt: { lt: run.createdAt } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { createdAt: true },
  });
  const first = await db.syncRun.findFirst({
    where: { connectionId: run.connectionId, status, createdAt: { ...(lastSuccess ? { gt: lastSuccess.createdAt } : {}), lte: run.createdAt } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true },
  });
  return first?.id ?? run.id;
}
