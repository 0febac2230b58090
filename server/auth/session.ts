import { getServerSession } from "next-auth";
import type { SessionIdentity } from "../api/trpc";
import { db } from "../db";
import { getAuthOptions } from "./auth-options";

/** The signed-in identity for server components and route handlers, or null. */
export async function getSessionIdentity(): Promise<SessionIdentity | null> {
  const session = await getServerSession(getAuthOptions());
  if (!session?.user?.id) return null;
  return { userId: session.user.id, impersonationId: session.impersonationId ?? null };
}

/**
 * True when the JWT belongs to an existing, enabled user. The sign-in pages ask this rather than "is there a
 * JWT": a disabled or deleted user's cookie would otherwise bounce between /login and the app forever.
 */
export async function hasUsableSession(): Promise<boolean> {
  const identity = await getSessionIdentity();
  if (!identity) return false;
  const user = await db.user.findUnique({ where: { id: identity.userId }, select: { disabledAt: true } });
  return Boolean(user && !user.disabledAt);
}
