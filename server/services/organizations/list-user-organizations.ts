import type { PrismaClient } from "../../db";

export async function listUserOrganizations(db: PrismaClient, userId: string) {
  const memberships = await db.membership.findMany({ where: { userId }, include: { organization: true }, orderBy: { createdAt: "asc" } });
  return memberships.map((membership) => ({ id: membership.organization.id, name: membership.organization.name, role: membership.role, isDemo: membership.organization.isDemo }));
}
