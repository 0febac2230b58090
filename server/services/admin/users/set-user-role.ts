import type { PlatformPermission, PlatformRole, PrismaClient, User } from "../../../db";
import { AppError } from "../../../api/app-error";
import { recordAuditEvent, type RequestIdentity } from "../../audit/record-audit-event";
import { assertSuperAdminRemains } from "./guard-managed-user";

/**
 * Sets a platform role and permissions. Super admins only: an admin granting permissions could grant themself
 * more. Permissions only mean something for admins (super admins hold all), so other roles store none.
 */
export async function setUserRole(
  db: PrismaClient,
  identity: RequestIdentity,
  input: { actor: User; userId: string; role: PlatformRole; permissions: PlatformPermission[] },
) {
  if (input.actor.platformRole !== "super_admin") throw new AppError("FORBIDDEN", "admin.errors.superAdminOnly");
  const permissions = input.role === "admin" ? [...new Set(input.permissions)] : [];
  return db.$transaction(async (tx) => {
    const target = await tx.user.findUnique({ where: { id: input.userId } });
    if (!target) throw new AppError("NOT_FOUND", "errors.notFound");
    if (target.platformRole === "super_admin" && input.role !== "super_admin") await assertSuperAdminRemains(tx, target.id);
    await tx.user.update({ where: { id: target.id }, data: { platformRole: input.role, permissions } });
    const roleChanged = target.platformRole !== input.role;
    await recordAuditEvent(tx, identity, {
      action: roleChanged ? "admin.user.role" : "admin.user.permissions",
      targetType: "user",
      targetId: target.id,
      metadata: { from: { role: target.platformRole, permissions: target.permissions }, to: { role: input.role, permissions } },
    });
    return { id: target.id, platformRole: input.role, permissions };
  });
}
