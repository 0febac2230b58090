import type { OrgRole, PrismaClient } from "../../db";
import { AppError } from "../../api/app-error";
import { recordAuditEvent, type RequestIdentity } from "../audit/record-audit-event";
import { assertOwnerRemains } from "./assert-owner-remains";

export async function changeMemberRole(
  db: PrismaClient,
  identity: RequestIdentity,
  input: { organizationId: string; actorRole: OrgRole; membershipId: string; role: OrgRole },
) {
  return db.$transaction(async (tx) => {
    // Scoped by organization: a membership id from another tenant is simply not found.
    const membership = await tx.membership.findFirst({ where: { id: input.membershipId, organizationId: input.organizationId } });
    if (!membership) throw new AppError("NOT_FOUND", "errors.notFound");
    if ((membership.role === "owner" || input.role === "owner") && input.actorRole !== "owner") throw new AppError("FORBIDDEN", "errors.ownerOnly");
    if (membership.role === "owner" && input.role !== "owner") await assertOwnerRemains(tx, input.organizationId, membership.id);
    const updated = await tx.membership.update({ where: { id: membership.id }, data: { role: input.role } });
    await recordAuditEvent(tx, identity, {
      action: "membership.role_change",
      organizationId: input.organizationId,
      targetType: "membership",
      targetId: membership.id,
      metadata: { userId: membership.userId, from: membership.role, to: input.role },
    });
    return updated;
  });
}
