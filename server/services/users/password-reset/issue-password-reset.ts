import crypto from "node:crypto";
import type { Prisma } from "../../../db";
import { recordAuditEvent, type RequestIdentity } from "../../audit/record-audit-event";

export const PASSWORD_RESET_TTL_MINUTES = 60;

export function hashResetToken(token: string): string {
  return crypto.createHash("sha256").update(token).digest("hex");
}

/**
 * Issues a one-time reset token (1 h). The token itself is returned once and never stored: only its hash is.
 * Earlier unused links of the same user stop working, so only the newest one handed out is live.
 */
export async function issuePasswordReset(tx: Prisma.TransactionClient, identity: RequestIdentity, input: { userId: string; createdById: string; now?: Date }) {
  const now = input.now ?? new Date();
  const token = crypto.randomBytes(32).toString("base64url");
  await tx.passwordResetToken.updateMany({ where: { userId: input.userId, usedAt: null }, data: { usedAt: now } });
  const row = await tx.passwordResetToken.create({
    data: { userId: input.userId, tokenHash: hashResetToken(token), createdById: input.createdById, expiresAt: new Date(now.getTime() + PASSWORD_RESET_TTL_MINUTES * 60_000) },
  });
  await recordAuditEvent(tx, identity, { action: "admin.user.password_reset", targetType: "user", targetId: input.userId, metadata: { resetId: row.id } });
  return { token, expiresAt: row.expiresAt };
}
