import type { Prisma, PrismaClient } from "../../db";

/** Who is acting, as seen by the request: the acting user, the admin behind them when impersonating, and where from. */
export interface RequestIdentity {
  actorId: string | null;
  impersonatorId: string | null;
  ip: string | null;
  userAgent: string | null;
}

export const SYSTEM_IDENTITY: RequestIdentity = { actorId: null, impersonatorId: null, ip: null, userAgent: "infrazen-cli" };

export interface AuditEvent {
  action: string;
  organizationId?: string | null;
  targetType?: string;
  targetId?: string;
  metadata?: Prisma.InputJsonObject;
}

type AuditWriter = Pick<PrismaClient, "auditLog"> | Prisma.TransactionClient;

/** Writes one AuditLog row; call it inside the mutation's transaction so the action and its record land together. */
export async function recordAuditEvent(client: AuditWriter, identity: RequestIdentity, event: AuditEvent) {
  return client.auditLog.create({
    data: {
      action: event.action,
      organizationId: event.organizationId ?? null,
      targetType: event.targetType,
      targetId: event.targetId,
      metadata: event.metadata ?? {},
      actorId: identity.actorId,
      impersonatorId: identity.impersonatorId,
      ip: identity.ip,
      userAgent: identity.userAgent?.slice(0, 500) ?? null,
    },
  });
}
