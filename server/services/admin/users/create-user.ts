import type { PrismaClient, User } from "../../../db";
import { AppError } from "../../../api/app-error";
import { recordAuditEvent, type RequestIdentity } from "../../audit/record-audit-event";
import { issuePasswordReset } from "../../users/password-reset/issue-password-reset";

/**
 * Creates a plain user without a password and hands back a one-time link for them to set one (there is no
 * email sending). Roles are granted separately by a super admin.
 */
export async function createUser(db: PrismaClient, identity: RequestIdentity, input: { actor: User; email: string; name: string }) {
  if (await db.user.findUnique({ where: { email: input.email }, select: { id: true } })) throw new AppError("CONFLICT", "auth.errors.emailTaken");
  return db.$transaction(async (tx) => {
    const user = await tx.user.create({ data: { email: input.email, name: input.name } });
    await recordAuditEvent(tx, identity, { action: "admin.user.create", targetType: "user", targetId: user.id, metadata: { email: user.email, name: input.name } });
    const reset = await issuePasswordReset(tx, identity, { userId: user.id, createdById: input.actor.id });
    return { userId: user.id, ...reset };
  });
}
