import type { Prisma, PrismaClient } from "../../db";
import { recordAuditEvent, type RequestIdentity } from "../audit/record-audit-event";

const SECRET_KEY = /password|token|secret|credential|apikey|api_key|key$/i;
const MAX_STRING = 200;

/** The input as it may be stored in the audit log: secrets masked, long strings cut, depth bounded. */
export function summarizeInput(value: unknown, depth = 0): Prisma.InputJsonValue | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") return value.length > MAX_STRING ? `${value.slice(0, MAX_STRING)}…` : value;
  if (typeof value === "number" || typeof value === "boolean") return value;
  if (value instanceof Date) return value.toISOString();
  if (depth >= 4) return "…";
  if (Array.isArray(value)) return value.slice(0, 20).map((item) => summarizeInput(item, depth + 1));
  if (typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([key, item]) => [key, SECRET_KEY.test(key) ? "***" : summarizeInput(item, depth + 1)]),
    );
  }
  return String(value);
}

/**
 * Records a mutation made while impersonating *before* it runs, so that no change can happen without its row
 * (if the row cannot be written, the mutation does not run); the outcome is filled in afterwards.
 */
export async function recordImpersonatedRequest(
  db: PrismaClient,
  identity: RequestIdentity,
  input: { path: string; rawInput: unknown; organizationId: string | null; impersonationId: string },
) {
  const row = await recordAuditEvent(db, identity, {
    action: `impersonation.request:${input.path}`,
    organizationId: input.organizationId,
    metadata: { impersonationId: input.impersonationId, input: summarizeInput(input.rawInput), outcome: "pending" },
  });
  return {
    async finish(outcome: "ok" | string) {
      const metadata = { ...(row.metadata as Prisma.JsonObject), outcome };
      await db.auditLog.update({ where: { id: row.id }, data: { metadata } });
    },
  };
}
