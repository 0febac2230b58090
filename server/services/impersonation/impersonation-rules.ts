import type { User } from "../../db";
import { hasPlatformPermission } from "../../auth/platform-permissions";

/** How long one "Act as" lasts; the admin starts a new session (with a new reason) after that. */
export const IMPERSONATION_TTL_MINUTES = 60;

/**
 * Why `admin` may not act as `target` right now, or null when they may. Checked at start and on every request,
 * so revoking the permission, disabling either account or promoting the target ends a running session.
 */
export function impersonationRefusal(admin: User, target: User): "forbidden" | "superAdmin" | "self" | "disabled" | null {
  if (!hasPlatformPermission(admin, "impersonate_users") || admin.disabledAt) return "forbidden";
  if (admin.id === target.id) return "self";
  // A super admin holds every permission: acting as one would be an escalation for anyone.
  if (target.platformRole === "super_admin") return "superAdmin";
  if (target.disabledAt) return "disabled";
  return null;
}
