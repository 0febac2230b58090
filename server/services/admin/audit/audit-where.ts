import type { Prisma } from "../../../db";
import type { AuditFilters } from "./audit-filters";

const userMatch = (text: string): Prisma.UserWhereInput => ({ OR: [{ email: { contains: text, mode: "insensitive" } }, { name: { contains: text, mode: "insensitive" } }, { id: text }] });

/** Filters to a Prisma where; dates are whole UTC days, `to` inclusive. */
export function auditWhere(filters: AuditFilters): Prisma.AuditLogWhereInput {
  const createdAt: Prisma.DateTimeFilter = {};
  if (filters.from) createdAt.gte = new Date(`${filters.from}T00:00:00Z`);
  if (filters.to) createdAt.lt = new Date(new Date(`${filters.to}T00:00:00Z`).getTime() + 86_400_000);
  return {
    ...(filters.actor ? { actor: userMatch(filters.actor) } : {}),
    ...(filters.impersonator ? { impersonator: userMatch(filters.impersonator) } : {}),
    ...(filters.impersonatedOnly ? { impersonatorId: { not: null } } : {}),
    ...(filters.action ? { action: { contains: filters.action, mode: "insensitive" } } : {}),
    ...(filters.organizationId ? { organizationId: filters.organizationId } : {}),
    ...(filters.from || filters.to ? { createdAt } : {}),
  };
}
