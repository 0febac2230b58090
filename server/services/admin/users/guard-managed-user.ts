import type { Prisma, User } from "../../../db";
import { AppError } from "../../../api/app-error";
import { isPlatformAdmin } from "../../../auth/platform-permissions";

/**
 * Loads the account an admin wants to change and refuses what would let manage_users climb higher: only a super
 * admin touches another admin's account (edit, disable, delete, reset link), since a reset link to an admin
 * account is that admin's powers.
 */
export async function loadManagedUser(tx: Prisma.TransactionClient, actor: User, userId: string): Promise<User> {
  const target = await tx.user.findUnique({ where: { id: userId } });
  if (!target) throw new AppError("NOT_FOUND", "errors.notFound");
  if (isPlatformAdmin(target) && actor.platformRole !== "super_admin" && target.id !== actor.id) throw new AppError("FORBIDDEN", "admin.errors.superAdminOnly");
  return target;
}

/** Refuses a change that leaves the platform without an enabled super admin. Call inside the changing transaction. */
export async function assertSuperAdminRemains(tx: Prisma.TransactionClient, excludingUserId: string) {
  const others = await tx.user.count({ where: { platformRole: "super_admin", disabledAt: null, id: { not: excludingUserId } } });
  if (others === 0) throw new AppError("BAD_REQUEST", "admin.errors.lastSuperAdmin");
}
