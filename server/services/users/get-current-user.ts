import type { PrismaClient, User } from "../../db";
import { hasPlatformPermission, isPlatformAdmin, PLATFORM_PERMISSIONS } from "../../auth/platform-permissions";
import type { ActiveImpersonation } from "../impersonation/resolve-request-user";
import { listUserOrganizations } from "../organizations/list-user-organizations";
import { resolveActiveMembership } from "../organizations/resolve-active-membership";

/** Everything the app shell needs about the signed-in user, in one call. */
export async function getCurrentUser(db: PrismaClient, user: User, impersonation: ActiveImpersonation | null = null) {
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
    // While acting as someone the admin sees exactly what they see: no admin area, even if the target is an admin.
    isPlatformAdmin: !impersonation && isPlatformAdmin(user),
    /** What the admin area may offer this user (the server checks again on every call). */
    adminPermissions: impersonation ? [] : PLATFORM_PERMISSIONS.filter((permission) => hasPlatformPermission(user, permission)),
    impersonation: impersonation
      ? { adminEmail: impersonation.admin.email, adminName: impersonation.admin.name, reason: impersonation.reason, expiresAt: impersonation.expiresAt }
      : null,
    organizations,
    activeOrganization: active ? { id: active.organization.id, name: active.organization.name, role: active.role } : null,
  };
}
