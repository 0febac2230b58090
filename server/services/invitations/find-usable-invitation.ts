import type { Prisma, PrismaClient } from "../../db";
import { AppError } from "../../api/app-error";
import { hashInvitationToken } from "./invitation-token";

/** The invitation behind a link token, or a clear error saying why it cannot be used. */
export async function findUsableInvitation(db: PrismaClient | Prisma.TransactionClient, token: string, now = new Date()) {
  const invitation = await db.invitation.findUnique({ where: { tokenHash: hashInvitationToken(token) }, include: { organization: { select: { id: true, name: true } } } });
  if (!invitation) throw new AppError("NOT_FOUND", "invite.invalid");
  if (invitation.acceptedAt || invitation.revokedAt) throw new AppError("BAD_REQUEST", "errors.invitationUsed");
  if (invitation.expiresAt <= now) throw new AppError("BAD_REQUEST", "errors.invitationExpired");
  return invitation;
}
