import type { PrismaClient } from "../../db";
import { hashPassword } from "../../auth/password-hashing";
import { recordAuditEvent, SYSTEM_IDENTITY } from "../audit/record-audit-event";
import { assertStrongPassword } from "../users/assert-strong-password";

/**
 * Creates the platform's super admin, or promotes an existing user and resets their password.
 * The password always comes from the operator (env or CLI): none is ever built in.
 */
export async function bootstrapSuperAdmin(db: PrismaClient, input: { email: string; password: string; name?: string }) {
  const email = input.email.trim().toLowerCase();
  assertStrongPassword(input.password, email);
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    const existing = await tx.user.findUnique({ where: { email } });
    const user = existing
      ? await tx.user.update({ where: { id: existing.id }, data: { platformRole: "super_admin", passwordHash, disabledAt: null } })
      : await tx.user.create({ data: { email, name: input.name ?? "Super admin", passwordHash, platformRole: "super_admin", emailVerified: new Date() } });
    await recordAuditEvent(tx, SYSTEM_IDENTITY, { action: existing ? "admin.promote_super_admin" : "admin.create_super_admin", targetType: "user", targetId: user.id, metadata: { email } });
    return { userId: user.id, created: !existing };
  });
}
