import type { PrismaClient } from "../../db";
import { AppError } from "../../api/app-error";
import { recordAuditEvent, type RequestIdentity } from "../audit/record-audit-event";

/**
 * Hands the organization to another member: they become owner and the current owner steps down to admin, in one
 * transaction, so the organization is never without an owner nor left with an accidental second one.
 */
export async function transferOwnership(db: PrismaClient, identity: RequestIdentity, input: { organizationId: string; fromUserId: string; membershipId: string }) {
  return db.$transaction(async (tx) => {
    const current = await tx.membership.findUnique({ where: { organizationId_userId: { organizationId: input.organizationId, userId: input.fromUserId } } });
    if (current?.role !== "owner") throw new AppError("FORBIDDEN", "errors.ownerOnly");
    const next = await tx.membership.findFirst({ where: { id: input.membershipId, organizationId: input.organizationId } });
    if (!next) throw new AppError("NOT_FOUND", "errors.notFound");
    if (next.id === current.id) throw new AppError("BAD_REQUEST", "settings.transferToSelf");
    await tx.membership.update({ where: { id: next.id }, data: { role: "owner" } });
    await tx.membership.update({ where: { id: current.id }, data: { role: "admin" } });
    await recordAuditEvent(tx, identity, {
      action: "organization.transfer_ownership",
      organizationId: input.organizationId,
      targetType: "membership",
      targetId: next.id,
      metadata: { fromUserId: input.fromUserId, toUserId: next.userId, previousRole: next.role },
    });
    return { ownerMembershipId: next.id };
  });
}
