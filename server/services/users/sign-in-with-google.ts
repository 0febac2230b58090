import type { PrismaClient } from "../../db";
import { recordAuditEvent, type RequestIdentity } from "../audit/record-audit-event";
import { createOrganization } from "../organizations/create-organization";

export interface GoogleProfile {
  sub: string;
  email: string;
  emailVerified: boolean;
  name?: string | null;
}

export type GoogleSignInResult = { ok: true; userId: string } | { ok: false; reason: "oauthNotLinked" | "disabled" };

/**
 * First Google login creates the user (with an organization); a verified Google email that matches an existing
 * account links to it. An unverified one never does, or anyone could take over an account by its address.
 */
export async function signInWithGoogle(db: PrismaClient, identity: Omit<RequestIdentity, "actorId">, profile: GoogleProfile): Promise<GoogleSignInResult> {
  const email = profile.email.trim().toLowerCase();
  const linked = await db.account.findUnique({ where: { provider_providerAccountId: { provider: "google", providerAccountId: profile.sub } }, include: { user: true } });
  if (linked) return finish(db, linked.user);

  const existing = await db.user.findUnique({ where: { email } });
  if (existing) {
    if (!profile.emailVerified) return { ok: false, reason: "oauthNotLinked" };
    await db.$transaction(async (tx) => {
      await tx.account.create({ data: { userId: existing.id, provider: "google", providerAccountId: profile.sub } });
      await tx.user.update({ where: { id: existing.id }, data: { emailVerified: existing.emailVerified ?? new Date() } });
      await recordAuditEvent(tx, { ...identity, actorId: existing.id }, { action: "user.link_google", targetType: "user", targetId: existing.id });
    });
    return finish(db, existing);
  }

  const created = await db.$transaction(async (tx) => {
    const user = await tx.user.create({
      data: { email, name: profile.name ?? email.split("@")[0], emailVerified: profile.emailVerified ? new Date() : null, accounts: { create: { provider: "google", providerAccountId: profile.sub } } },
    });
    const actor = { ...identity, actorId: user.id };
    await recordAuditEvent(tx, actor, { action: "user.sign_up", targetType: "user", targetId: user.id, metadata: { method: "google" } });
    await createOrganization(tx, actor, { name: user.name ?? email, ownerId: user.id });
    return user;
  });
  return finish(db, created);
}

async function finish(db: PrismaClient, user: { id: string; disabledAt: Date | null }): Promise<GoogleSignInResult> {
  if (user.disabledAt) return { ok: false, reason: "disabled" };
  await db.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
  return { ok: true, userId: user.id };
}
