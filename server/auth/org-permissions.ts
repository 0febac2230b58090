import type { OrgRole } from "../db/generated/enums";

/** What each organization role may do; procedures ask for a permission, never for a role name. */
const PERMISSIONS = {
  view_costs: ["owner", "admin", "finance", "member", "viewer"],
  manage_connections: ["owner", "admin"],
  manage_members: ["owner", "admin"],
  manage_organization: ["owner", "admin"],
  manage_budgets: ["owner", "admin", "finance"],
  transfer_ownership: ["owner"],
} as const satisfies Record<string, readonly OrgRole[]>;

export type OrgPermission = keyof typeof PERMISSIONS;

export const ORG_ROLES: readonly OrgRole[] = ["owner", "admin", "finance", "member", "viewer"];

export function orgRoleCan(role: OrgRole, permission: OrgPermission): boolean {
  return (PERMISSIONS[permission] as readonly OrgRole[]).includes(role);
}
