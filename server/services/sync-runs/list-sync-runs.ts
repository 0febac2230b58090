import type { PrismaClient } from "../../db";
import { AppError } from "../../api/app-error";
import { RUN_SUMMARY_COLUMNS, summarizeRun } from "./sync-run-view";

/** A connection's runs, newest first, a page at a time. Tenant-scoped: another organization's id is NOT_FOUND. */
export async function listSyncRuns(db: PrismaClient, input: { organizationId: string; connectionId: string; page: number; pageSize: number }) {
  const connection = await db.cloudConnection.findFirst({ where: { id: input.connectionId, organizationId: input.organizationId }, select: { id: true } });
  if (!connection) throw new AppError("NOT_FOUND", "errors.notFound");
  const where = { organizationId: input.organizationId, connectionId: connection.id };
  const [total, runs] = await Promise.all([
    db.syncRun.count({ where }),
    db.syncRun.findMany({ where, select: RUN_SUMMARY_COLUMNS, orderBy: [{ createdAt: "desc" }, { id: "desc" }], skip: (input.page - 1) * input.pageSize, take: input.pageSize }),
  ]);
  return { items: runs.map(summarizeRun), total, page: input.page, pageSize: input.pageSize };
}
