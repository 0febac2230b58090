import type { PrismaClient } from "../../db";
import { recordAuditEvent, SYSTEM_IDENTITY } from "../audit/record-audit-event";

export const DEMO_USER_EMAIL = "demo@infrazen.demo";
export const DEMO_ORGANIZATION_NAME = "Демо-компания";

/**
 * The demo tenant behind "Try the demo": a passwordless demo user who owns the demo organization.
 * Idempotent, so every start can call it. Its clouds arrive with the provider sandboxes (issue 3).
 */
export async function seedDemoOrganization(db: PrismaClient) {
  return db.$transaction(async (tx) => {
    const existing = await tx.user.findUnique({ where: { email: DEMO_USER_EMAIL }, include: { memberships: { where: { organization: { isDemo: true } } } } });
    if (existing && existing.memberships.length > 0) return { userId: existing.id, organizationId: existing.memberships[0]!.organizationId, created: false };
    const user = existing ?? (await tx.user.create({ data: { email: DEMO_USER_EMAIL, name: "Демо-пользователь", isDemo: true, emailVerified: new Date() } }));
    const organization = await tx.organization.create({
      data: { name: DEMO_ORGANIZATION_NAME, slug: "demo", isDemo: true, memberships: { create: { userId: user.id, role: "owner" } } },
    });
    await tx.user.update({ where: { id: user.id }, data: { activeOrganizationId: organization.id } });
    await recordAuditEvent(tx, SYSTEM_IDENTITY, { action: "demo.seed", organizationId: organization.id, targetType: "organization", targetId: organization.id });
    return { userId: user.id, organizationId: organization.id, created: true };
  });
}
