import type { PrismaClient, User } from "../../db";
import { AppError } from "../../api/app-error";
import { recordAuditEvent, type RequestIdentity } from "../audit/record-audit-event";
import { endImpersonation } from "./end-impersonation";
import { IMPERSONATION_TTL_MINUTES, impersonationRefusal } from "./impersonation-rules";

const REFUSALS = {
  forbidden: ["FORBIDDEN", "errors.forbidden"],
  superAdmin: ["FORBIDDEN", "admin.errors.impersonateSuperAdmin"],
  self: ["BAD_REQUEST", "admin.errors.impersonateSelf"],
  disabled: ["BAD_REQUEST", "admin.errors.impersonateDisabled"],
} as const;

/** Opens an audited "Act as" session; the caller then stores its id in the admin's JWT (session update). */
export async function startImpersonation(db: PrismaClient, identity: RequestIdentity, input: { admin: User; targetId: string; reason: string; now?: Date }) {
  const now = input.now ?? new Date();
  const target = await db.user.findUnique({ where: { id: input.targetId } });
  if (!target) throw new AppError("NOT_FOUND", "errors.notFound");
  const refusal = impersonationRefusal(input.admin, target);
  if (refusal) throw new AppError(REFUSALS[refusal][0], REFUSALS[refusal][1]);
  // One live session per admin: an earlier one still open (e.g. another tab) is stopped first.
  const open = await db.impersonationSession.findMany({ where: { adminId: input.admin.id, endedAt: null } });
  for (const session of open) await endImpersonation(db, identity, session, "stopped", now);
  return db.$transaction(async (tx) => {
    const session = await tx.impersonationSession.create({
      data: {
        adminId: input.admin.id,
        targetId: target.id,
        reason: input.reason,
        startedAt: now,
        expiresAt: new Date(now.getTime() + IMPERSONATION_TTL_MINUTES * 60_000),
        ip: identity.ip,
        userAgent: identity.userAgent?.slice(0, 500) ?? null,
      },
    });
    await recordAuditEvent(tx, { ...identity, actorId: input.admin.id, impersonatorId: null }, {
      action: "impersonation.start",
      targetType: "user",
      targetId: target.id,
      metadata: { impersonationId: session.id, reason: input.reason, targetEmail: target.email },
    });
    return { impersonationId: session.id, expiresAt: session.expiresAt };
  });
}
