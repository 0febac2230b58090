import type { PrismaClient } from "../../../db";
import type { AuditFilters } from "./audit-filters";
import { auditWhere } from "./audit-where";

const include = {
  actor: { select: { id: true, email: true, name: true } },
  impersonator: { select: { id: true, email: true, name: true } },
  organization: { select: { id: true, name: true } },
} as const;

export async function listAuditLog(db: PrismaClient, input: AuditFilters & { page: number; pageSize: number }) {
  const where = auditWhere(input);
  const [total, rows] = await Promise.all([
    db.auditLog.count({ where }),
    db.auditLog.findMany({ where, include, orderBy: [{ createdAt: "desc" }, { id: "desc" }], skip: (input.page - 1) * input.pageSize, take: input.pageSize }),
  ]);
  return { total, page: input.page, pageSize: input.pageSize, rows };
}

/** Every matching row, newest first, bounded so one export cannot exhaust the server. */
export function listAuditLogForExport(db: PrismaClient, filters: AuditFilters, limit = 50_000) {
  return db.auditLog.findMany({ where: auditWhere(filters), include, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: limit });
}

/** Organizations that appear in the log, for the filter's dropdown. */
export async function listAuditOrganizations(db: PrismaClient) {
  return db.organization.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" }, take: 500 });
}
