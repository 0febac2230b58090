import type { OrgRole, PrismaClient } from "../../db";
import { AppError } from "../../api/app-error";
import { recordAuditEvent, type RequestIdentity } from "../audit/record-audit-event";
import { assertOwnerRemains } from "./assert-owner-remains";

export async function removeMember(
  db: PrismaClient,
  identity: RequestIdentity,
  input: { organizationId: string; actorRole: OrgRole; membershipId: string },
) {
  return db.$transaction(async (tx) => {
    const membership = await tx.membership.findFirst({ where: { id: input.membershipId, organizationId: input.organizationId } });
    if (!membership) throw new AppError("NOT_FOUND", "errors.notFound");
    if (membership.role === "owner") {
      if (input.actorRole !== "owner") throw new AppError("FORBIDDEN", "errors.ownerOnly");
      await assertOwnerRemains(tx, input.organizationId, membership.id);
    }
    await tx.membership.delete({ where: { id: membership.id } });
    await tx.user.updateMany({ where: { id: membership.userId, activeOrganizationId: input.organizationId }, data: { activeOrganizationId: null } });
    await recordAuditEvent(tx, identity, {
      action: "membership.remove",
      organizationId: input.organizationId,
      targetType: "membership",
      targetId: membership.id,
      metadata: { userId: membership.userId, role: membership.role },
    });
    return { removed: membership.id };
  });
}
