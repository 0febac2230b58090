import type { Prisma, PrismaClient, User } from "../../../db";
import { AppError } from "../../../api/app-error";
import { recordAuditEvent, type RequestIdentity } from "../../audit/record-audit-event";
import { assertSuperAdminRemains, loadManagedUser } from "./guard-managed-user";

// Who inherits an organization whose only owner leaves: the most senior remaining member, admins first.
const SUCCESSION = ["owner", "admin", "finance", "member", "viewer"] as const;

/**
 * What happens to each organization the user belongs to: nothing when another owner remains, a hand-over to the
 * next member in SUCCESSION order, or deletion when the user was its only member (no one is left to own its data).
 */
async function settleOrganizations(tx: Prisma.TransactionClient, identity: RequestIdentity, userId: string) {
  const memberships = await tx.membership.findMany({ where: { userId, role: "owner" } });
  const handedOver: { organizationId: string; newOwnerId: string }[] = [];
  const deleted: string[] = [];
  for (const membership of memberships) {
    const others = await tx.membership.findMany({ where: { organizationId: membership.organizationId, userId: { not: userId } }, orderBy: { createdAt: "asc" } });
    if (others.some((other) => other.role === "owner")) continue;
    const heir = others.sort((a, b) => SUCCESSION.indexOf(a.role) - SUCCESSION.indexOf(b.role))[0];
    if (!heir) {
      await tx.organization.delete({ where: { id: membership.organizationId } });
      deleted.push(membership.organizationId);
      continue;
    }
    await tx.membership.update({ where: { id: heir.id }, data: { role: "owner" } });
    await recordAuditEvent(tx, identity, {
      action: "membership.role_change",
      organizationId: membership.organizationId,
      targetType: "membership",
      targetId: heir.id,
      metadata: { userId: heir.userId, from: heir.role, to: "owner", reason: "previous_owner_deleted" },
    });
    handedOver.push({ organizationId: membership.organizationId, newOwnerId: heir.userId });
  }
  return { handedOver, deleted };
}

export async function deleteUser(db: PrismaClient, identity: RequestIdentity, input: { actor: User; userId: string }) {
  return db.$transaction(async (tx) => {
    const target = await loadManagedUser(tx, input.actor, input.userId);
    if (target.id === input.actor.id) throw new AppError("BAD_REQUEST", "admin.errors.notYourself");
    if (target.platformRole === "super_admin") await assertSuperAdminRemains(tx, target.id);
    const organizations = await settleOrganizations(tx, identity, target.id);
    await tx.user.delete({ where: { id: target.id } });
    // The row's targetId outlives the user; the email keeps it readable.
    await recordAuditEvent(tx, identity, { action: "admin.user.delete", targetType: "user", targetId: target.id, metadata: { email: target.email, ...organizations } });
    return organizations;
  }, { timeout: 20_000 });
}
