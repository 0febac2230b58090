import { getServerSession } from "next-auth";
import type { SessionIdentity } from "../api/trpc";
import { getAuthOptions } from "./auth-options";

/** The signed-in identity for server components and route handlers, or null. */
export async function getSessionIdentity(): Promise<SessionIdentity | null> {
  const session = await getServerSession(getAuthOptions());
  if (!session?.user?.id) return null;
  return { userId: session.user.id, impersonationId: session.impersonationId ?? null };
}
