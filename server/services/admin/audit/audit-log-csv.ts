import { buildCsv } from "../../export/build-csv";
import type { listAuditLogForExport } from "./list-audit-log";

type Row = Awaited<ReturnType<typeof listAuditLogForExport>>[number];

const HEADER = ["created_at", "action", "actor_email", "actor_id", "impersonator_email", "impersonator_id", "organization", "organization_id", "target_type", "target_id", "ip", "user_agent", "metadata"];

export function auditLogCsv(rows: Row[]): string {
  return buildCsv(
    HEADER,
    rows.map((row) => [
      row.createdAt.toISOString(), row.action, row.actor?.email, row.actorId, row.impersonator?.email, row.impersonatorId,
      row.organization?.name, row.organizationId, row.targetType, row.targetId, row.ip, row.userAgent, JSON.stringify(row.metadata),
    ]),
  );
}
