import type { PrismaClient, User } from "../../db";
import type { RequestIdentity } from "../audit/record-audit-event";
import { endImpersonation } from "./end-impersonation";
import { impersonationRefusal } from "./impersonation-rules";

export interface ActiveImpersonation {
  id: string;
  admin: User;
  reason: string;
  expiresAt: Date;
}

export interface RequestUser {
  /** Whom the request runs as: the target while impersonating, otherwise the signed-in user. */
  user: User;
  impersonation: ActiveImpersonation | null;
}

/**
 * Turns the JWT's claims into the request's user. The JWT is only a pointer: the session row decides, so an
 * ended, expired or no-longer-allowed impersonation falls back to the admin themself (ending it once, audited).
 * Returns null when the signed-in user is gone or disabled.
 */
export async function resolveRequestUser(
  db: PrismaClient,
  session: { userId: string; impersonationId?: string | null },
  request: Pick<RequestIdentity, "ip" | "userAgent">,
  now: Date = new Date(),
): Promise<RequestUser | null> {
  const signedIn = await db.user.findUnique({ where: { id: session.userId } });
  if (!signedIn || signedIn.disabledAt) return null;
  if (!session.impersonationId) return { user: signedIn, impersonation: null };

  const row = await db.impersonationSession.findUnique({ where: { id: session.impersonationId }, include: { target: true } });
  // Someone else's session id in this JWT is ignored, never honoured.
  if (!row || row.adminId !== signedIn.id || row.endedAt) return { user: signedIn, impersonation: null };
  const identity = { actorId: signedIn.id, impersonatorId: null, ...request };
  if (now >= row.expiresAt) {
    await endImpersonation(db, identity, row, "expired", now);
    return { user: signedIn, impersonation: null };
  }
  if (impersonationRefusal(signedIn, row.target)) {
    await endImpersonation(db, identity, row, "revoked", now);
    return { user: signedIn, impersonation: null };
  }
  return { user: row.target, impersonation: { id: row.id, admin: signedIn, reason: row.reason, expiresAt: row.expiresAt } };
}

/** For the JWT update trigger: true when `impersonationId` is a live session opened by `adminId`. */
export async function isLiveImpersonation(db: PrismaClient, impersonationId: string, adminId: string, now: Date = new Date()): Promise<boolean> {
  const row = await db.impersonationSession.findUnique({ where: { id: impersonationId } });
  return Boolean(row && row.adminId === adminId && !row.endedAt && row.expiresAt > now);
}
