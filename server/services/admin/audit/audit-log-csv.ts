import type { listAuditLogForExport } from "./list-audit-log";

type Row = Awaited<ReturnType<typeof listAuditLogForExport>>[number];

const HEADER = ["created_at", "action", "actor_email", "actor_id", "impersonator_email", "impersonator_id", "organization", "organization_id", "target_type", "target_id", "ip", "user_agent", "metadata"];

/** RFC 4180 quoting, plus a leading quote on formula-like cells so spreadsheets do not execute them. */
export function csvCell(value: string | null | undefined): string {
  if (value === null || value === undefined) return "";
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function auditLogCsv(rows: Row[]): string {
  const lines = rows.map((row) =>
    [
      row.createdAt.toISOString(), row.action, row.actor?.email, row.actorId, row.impersonator?.email, row.impersonatorId,
      row.organization?.name, row.organizationId, row.targetType, row.targetId, row.ip, row.userAgent, JSON.stringify(row.metadata),
    ].map(csvCell).join(","),
  );
  // The BOM makes Excel read the Cyrillic as UTF-8.
  return `\uFEFF${[HEADER.join(","), ...lines].join("\r\n")}\r\n`;
}
