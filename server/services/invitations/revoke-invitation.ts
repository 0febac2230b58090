import type { PrismaClient } from "../../db";
import { AppError } from "../../api/app-error";
import { recordAuditEvent, type RequestIdentity } from "../audit/record-audit-event";

export async function revokeInvitation(db: PrismaClient, identity: RequestIdentity, input: { organizationId: string; invitationId: string }) {
  return db.$transaction(async (tx) => {
    const invitation = await tx.invitation.findFirst({ where: { id: input.invitationId, organizationId: input.organizationId, acceptedAt: null, revokedAt: null } });
    if (!invitation) throw new AppError("NOT_FOUND", "errors.notFound");
    await tx.invitation.update({ where: { id: invitation.id }, data: { revokedAt: new Date() } });
    await recordAuditEvent(tx, identity, { action: "invitation.revoke", organizationId: input.organizationId, targetType: "invitation", targetId: invitation.id });
    return { revoked: invitation.id };
  });
}
