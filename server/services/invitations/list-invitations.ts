import type { PrismaClient } from "../../db";

/** Open invitations (not accepted, not revoked, not expired) of one organization. */
export async function listOpenInvitations(db: PrismaClient, organizationId: string, now = new Date()) {
  return db.invitation.findMany({
    where: { organizationId, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
    select: { id: true, email: true, role: true, expiresAt: true, createdAt: true },
    orderBy: { createdAt: "desc" },
  });
}
