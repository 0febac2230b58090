import type { PrismaClient } from "../../db";
import { AppError } from "../../api/app-error";
import { recordAuditEvent, type RequestIdentity } from "../audit/record-audit-event";
import { findUsableInvitation } from "./find-usable-invitation";

export async function acceptInvitation(db: PrismaClient, identity: RequestIdentity, input: { token: string; user: { id: string; email: string }; now?: Date }) {
  return db.$transaction(async (tx) => {
    const invitation = await findUsableInvitation(tx, input.token, input.now);
    if (invitation.email && invitation.email !== input.user.email.toLowerCase()) throw new AppError("FORBIDDEN", "errors.invitationEmailMismatch", { email: invitation.email });
    const existing = await tx.membership.findUnique({ where: { organizationId_userId: { organizationId: invitation.organizationId, userId: input.user.id } } });
    if (existing) throw new AppError("CONFLICT", "errors.alreadyMember");
    // Conditional update: of two concurrent accepts of one link, only one sees a row to claim.
    const claimed = await tx.invitation.updateMany({ where: { id: invitation.id, acceptedAt: null, revokedAt: null }, data: { acceptedAt: new Date(), acceptedById: input.user.id } });
    if (claimed.count === 0) throw new AppError("BAD_REQUEST", "errors.invitationUsed");
    const membership = await tx.membership.create({ data: { organizationId: invitation.organizationId, userId: input.user.id, role: invitation.role } });
    await tx.user.update({ where: { id: input.user.id }, data: { activeOrganizationId: invitation.organizationId } });
    await recordAuditEvent(tx, identity, {
      action: "invitation.accept",
      organizationId: invitation.organizationId,
      targetType: "membership",
      targetId: membership.id,
      metadata: { invitationId: invitation.id, role: invitation.role },
    });
    return { organizationId: invitation.organizationId, organizationName: invitation.organization.name, role: membership.role };
  });
}
