import type { PrismaClient } from "../../../db";

const RECENT_RUNS = 15;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The latest sync runs across every organization, and the last 24 hours' runs counted by status. */
export async function summarizeSyncRuns(db: PrismaClient, now: Date = new Date()) {
  const [recent, byStatus] = await Promise.all([
    db.syncRun.findMany({
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: RECENT_RUNS,
      select: {
        id: true, status: true, trigger: true, currentPhase: true, error: true, startedAt: true, finishedAt: true, createdAt: true,
        connection: { select: { name: true, providerId: true } },
        organization: { select: { name: true } },
      },
    }),
    db.syncRun.groupBy({ by: ["status"], where: { createdAt: { gte: new Date(now.getTime() - DAY_MS) } }, _count: { _all: true } }),
  ]);
  return {
    recent: recent.map((run) => ({
      id: run.id,
      status: run.status,
      trigger: run.trigger,
      currentPhase: run.currentPhase,
      error: run.error,
      organization: run.organization.name,
      connection: run.connection.name,
      providerId: run.connection.providerId,
      startedAt: run.startedAt ?? run.createdAt,
      durationMs: run.startedAt && run.finishedAt ? run.finishedAt.getTime() - run.startedAt.getTime() : null,
    })),
    last24h: Object.fromEntries(byStatus.map((group) => [group.status, group._count._all])) as Partial<Record<(typeof recent)[number]["status"], number>>,
  };
}
