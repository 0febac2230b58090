import type { OrgRole } from "@/server/db";
import { db } from "@/server/db";
import { createCaller } from "@/server/api/root";
import { createTRPCContext, type SessionIdentity } from "@/server/api/trpc";
import type { Locale } from "@/server/i18n";

let sequence = 0;

/** A tRPC caller that goes through the same middleware as an HTTP request from this user. */
export function callerFor(session: SessionIdentity | null, locale: Locale = "en") {
  const headers = new Headers({ "x-locale": locale, "user-agent": "vitest", "x-forwarded-for": "203.0.113.7" });
  return createCaller(createTRPCContext({ headers, session }));
}

/** A user who owns a fresh organization; returns both ids and a caller acting as them. */
export async function createUserWithOrganization(options: { email?: string; orgName?: string; passwordHash?: string | null } = {}) {
  sequence += 1;
  const email = options.email ?? `user${sequence}-${Date.now()}@example.test`;
  const user = await db.user.create({ data: { email, name: `User ${sequence}`, passwordHash: options.passwordHash ?? null } });
  const organization = await db.organization.create({
    data: { name: options.orgName ?? `Org ${sequence}`, slug: `org-${sequence}-${Date.now()}`, memberships: { create: { userId: user.id, role: "owner" } } },
  });
  await db.user.update({ where: { id: user.id }, data: { activeOrganizationId: organization.id } });
  return { user, organization, caller: callerFor({ userId: user.id }) };
}

/** Adds a new user to an organization with a role and makes it their active one. */
export async function addMember(organizationId: string, role: OrgRole) {
  sequence += 1;
  const user = await db.user.create({ data: { email: `member${sequence}-${Date.now()}@example.test`, name: `Member ${sequence}`, activeOrganizationId: organizationId } });
  const membership = await db.membership.create({ data: { organizationId, userId: user.id, role } });
  return { user, membership, caller: callerFor({ userId: user.id }) };
}
