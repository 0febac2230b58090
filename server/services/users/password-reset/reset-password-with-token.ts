import type { Prisma, PrismaClient } from "../../../db";
import { AppError } from "../../../api/app-error";
import { hashPassword } from "../../../auth/password-hashing";
import { recordAuditEvent, type RequestIdentity } from "../../audit/record-audit-event";
import { assertStrongPassword } from "../assert-strong-password";
import { hashResetToken } from "./issue-password-reset";

async function findUsableReset(client: PrismaClient | Prisma.TransactionClient, token: string, now: Date) {
  const reset = await client.passwordResetToken.findUnique({ where: { tokenHash: hashResetToken(token) }, include: { user: true } });
  if (!reset || reset.usedAt || reset.expiresAt <= now || reset.user.disabledAt) return null;
  return reset;
}

/** What the reset page shows before the user types a password: whose account, or that the link is dead. */
export async function previewPasswordReset(db: PrismaClient, token: string, now: Date = new Date()) {
  const reset = await findUsableReset(db, token, now);
  return reset ? { valid: true as const, email: reset.user.email } : { valid: false as const };
}

export async function resetPasswordWithToken(db: PrismaClient, identity: Omit<RequestIdentity, "actorId">, input: { token: string; newPassword: string; now?: Date }) {
  const now = input.now ?? new Date();
  const reset = await findUsableReset(db, input.token, now);
  if (!reset) throw new AppError("BAD_REQUEST", "resetPassword.invalidLink");
  assertStrongPassword(input.newPassword, reset.user.email);
  const passwordHash = await hashPassword(input.newPassword);
  await db.$transaction(async (tx) => {
    // Single use even under a double submit: only one request can flip usedAt.
    const claimed = await tx.passwordResetToken.updateMany({ where: { id: reset.id, usedAt: null }, data: { usedAt: now } });
    if (claimed.count === 0) throw new AppError("BAD_REQUEST", "resetPassword.invalidLink");
    await tx.user.update({ where: { id: reset.userId }, data: { passwordHash } });
    await recordAuditEvent(tx, { ...identity, actorId: reset.userId }, { action: "user.password_reset_complete", targetType: "user", targetId: reset.userId, metadata: { resetId: reset.id } });
  });
  return { email: reset.user.email };
}
