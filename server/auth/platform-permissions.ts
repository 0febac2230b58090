import type { PlatformPermission, PlatformRole } from "../db/generated/enums";

export type PlatformPermissionName = PlatformPermission;

export const PLATFORM_PERMISSIONS = [
  "manage_users", "impersonate_users", "view_all_data", "manage_providers", "manage_resources",
] as const satisfies readonly PlatformPermission[];

export interface PlatformSubject {
  platformRole: PlatformRole;
  permissions: PlatformPermission[];
}

export function isPlatformAdmin(user: PlatformSubject): boolean {
  return user.platformRole === "admin" || user.platformRole === "super_admin";
}

/** Super admins hold every permission; admins hold the ones granted to them; plain users none. */
export function hasPlatformPermission(user: PlatformSubject, permission: PlatformPermission): boolean {
  if (user.platformRole === "super_admin") return true;
  return user.platformRole === "admin" && user.permissions.includes(permission);
}
