import type { OrgRole, PrismaClient } from "../../db";
import { AppError } from "../../api/app-error";
import { recordAuditEvent, type RequestIdentity } from "../audit/record-audit-event";
import { INVITATION_TTL_DAYS, newInvitationToken } from "./invitation-token";

/** Creates an invitation link; the plain token is returned once and only its hash is stored. */
export async function createInvitation(
  db: PrismaClient,
  identity: RequestIdentity,
  input: { organizationId: string; actorRole: OrgRole; role: OrgRole; email?: string | null; now?: Date },
) {
  if (input.role === "owner" && input.actorRole !== "owner") throw new AppError("FORBIDDEN", "errors.ownerOnly");
  const { token, tokenHash } = newInvitationToken();
  const now = input.now ?? new Date();
  const expiresAt = new Date(now.getTime() + INVITATION_TTL_DAYS * 24 * 3600 * 1000);
  const invitation = await db.$transaction(async (tx) => {
    const created = await tx.invitation.create({
      data: { organizationId: input.organizationId, tokenHash, role: input.role, email: input.email?.toLowerCase() || null, invitedById: identity.actorId, expiresAt },
    });
    await recordAuditEvent(tx, identity, {
      action: "invitation.create",
      organizationId: input.organizationId,
      targetType: "invitation",
      targetId: created.id,
      metadata: { role: input.role, email: created.email },
    });
    return created;
  });
  return { id: invitation.id, token, role: invitation.role, email: invitation.email, expiresAt: invitation.expiresAt };
}
