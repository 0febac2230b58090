import type { PrismaClient, User } from "../../db";
import { isPlatformAdmin } from "../../auth/platform-permissions";
import { listUserOrganizations } from "../organizations/list-user-organizations";
import { resolveActiveMembership } from "../organizations/resolve-active-membership";

/** Everything the app shell needs about the signed-in user, in one call. */
export async function getCurrentUser(db: PrismaClient, user: User) {
  const organizations = await listUserOrganizations(db, user.id);
  const active = organizations.length ? await resolveActiveMembership(db, user) : null;
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    locale: user.locale,
    timezone: user.timezone,
    currency: user.currency,
    hasPassword: Boolean(user.passwordHash),
    isDemo: user.isDemo,
    platformRole: user.platformRole,
    isPlatformAdmin: isPlatformAdmin(user),
    organizations,
    activeOrganization: active ? { id: active.organization.id, name: active.organization.name, role: active.role } : null,
  };
}
