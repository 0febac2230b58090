import type { MessageKey } from "@/server/i18n";

/** The admin area's sections, each shown to admins holding any of its permissions (super admins hold all). */
export const ADMIN_SECTIONS: { segment: string; label: MessageKey; permissions: readonly string[] }[] = [
  { segment: "users", label: "admin.users", permissions: ["manage_users", "impersonate_users"] },
  { segment: "audit", label: "admin.audit", permissions: ["view_all_data"] },
  { segment: "system", label: "admin.system", permissions: ["view_all_data"] },
  { segment: "providers", label: "admin.providers", permissions: ["manage_providers"] },
  { segment: "unrecognized", label: "admin.unrecognized", permissions: ["manage_resources"] },
  { segment: "demo", label: "admin.demo", permissions: ["manage_resources"] },
];

export function visibleAdminSections(permissions: readonly string[]) {
  return ADMIN_SECTIONS.filter((section) => section.permissions.some((permission) => permissions.includes(permission)));
}
