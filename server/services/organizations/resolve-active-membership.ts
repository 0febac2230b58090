import type { PrismaClient } from "../../db";
import { AppError } from "../../api/app-error";

/**
 * The organization a user is working in: their chosen active org if they still belong to it,
 * otherwise their oldest membership (and that choice is remembered).
 */
export async function resolveActiveMembership(db: PrismaClient, user: { id: string; activeOrganizationId: string | null }) {
  if (user.activeOrganizationId) {
    const chosen = await db.membership.findUnique({
      where: { organizationId_userId: { organizationId: user.activeOrganizationId, userId: user.id } },
      include: { organization: true },
    });
    if (chosen) return chosen;
  }
  const fallback = await db.membership.findFirst({ where: { userId: user.id }, include: { organization: true }, orderBy: { createdAt: "asc" } });
  if (!fallback) throw new AppError("FORBIDDEN", "errors.noOrganization");
  await db.user.update({ where: { id: user.id }, data: { activeOrganizationId: fallback.organizationId } });
  return fallback;
}

/** The user's membership in one given organization (a pinned caller, e.g. a Telegram chat); refused when gone. */
export async function resolvePinnedMembership(db: PrismaClient, userId: string, organizationId: string) {
  const membership = await db.membership.findUnique({ where: { organizationId_userId: { organizationId, userId } }, include: { organization: true } });
  if (!membership) throw new AppError("FORBIDDEN", "errors.forbidden");
  return membership;
}
