import type { PrismaClient } from "../../db";
import { AppError } from "../../api/app-error";
import { hashPassword, verifyPassword } from "../../auth/password-hashing";
import { recordAuditEvent, type RequestIdentity } from "../audit/record-audit-event";
import { assertStrongPassword } from "./assert-strong-password";

/**
 * Changes a password (the current one is required) or, for an account created through Google that has none,
 * sets the first one.
 */
export async function changeUserPassword(
  db: PrismaClient,
  identity: RequestIdentity,
  input: { userId: string; currentPassword?: string; newPassword: string; mode: "change" | "set" },
) {
  const user = await db.user.findUniqueOrThrow({ where: { id: input.userId } });
  if (input.mode === "set" && user.passwordHash) throw new AppError("BAD_REQUEST", "password.alreadySet");
  if (input.mode === "change" && (!user.passwordHash || !(await verifyPassword(input.currentPassword ?? "", user.passwordHash)))) {
    throw new AppError("BAD_REQUEST", "password.wrongCurrent");
  }
  assertStrongPassword(input.newPassword, user.email);
  const passwordHash = await hashPassword(input.newPassword);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash } });
    await recordAuditEvent(tx, identity, { action: input.mode === "set" ? "user.password_set" : "user.password_change", targetType: "user", targetId: user.id });
  });
  return { ok: true as const };
}
