import type { PrismaClient } from "../../db";

export async function listMembers(db: PrismaClient, organizationId: string) {
  const memberships = await db.membership.findMany({
    where: { organizationId },
    include: { user: { select: { id: true, email: true, name: true } } },
    orderBy: { createdAt: "asc" },
  });
  return memberships.map((membership) => ({ id: membership.id, role: membership.role, joinedAt: membership.createdAt, user: membership.user }));
}
