import type { PrismaClient } from "../../db";
import { AppError } from "../../api/app-error";

export async function switchActiveOrganization(db: PrismaClient, userId: string, organizationId: string) {
  const membership = await db.membership.findUnique({ where: { organizationId_userId: { organizationId, userId } } });
  if (!membership) throw new AppError("FORBIDDEN", "errors.notMember");
  await db.user.update({ where: { id: userId }, data: { activeOrganizationId: organizationId } });
  return { organizationId };
}
