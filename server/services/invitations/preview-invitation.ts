import type { PrismaClient } from "../../db";
import { findUsableInvitation } from "./find-usable-invitation";

/** What an invitation link offers, shown before sign-in; reveals nothing but the org name and role. */
export async function previewInvitation(db: PrismaClient, token: string) {
  const invitation = await findUsableInvitation(db, token);
  return { organizationName: invitation.organization.name, role: invitation.role, email: invitation.email, expiresAt: invitation.expiresAt };
}
