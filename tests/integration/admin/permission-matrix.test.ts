import { beforeEach, describe, expect, it } from "vitest";
import { db, type PlatformPermission } from "@/server/db";
import { PLATFORM_PERMISSIONS } from "@/server/auth/platform-permissions";
import { startImpersonation } from "@/server/services/impersonation/start-impersonation";
import { SYSTEM_IDENTITY } from "@/server/services/audit/record-audit-event";
import { callerFor } from "../helpers/test-callers";
import { truncateAllTables } from "../setup/worker-database";
import { allProcedures, callByPath, createPlatformUser, outcome } from "./admin-harness";

beforeEach(truncateAllTables);

// The permissions (any one of them) each admin procedure requires. The first test fails when a procedure is added without an entry here.
const REQUIRED: Record<string, PlatformPermission | PlatformPermission[]> = {
  "admin.users.list": ["manage_users", "impersonate_users"],
  "admin.users.create": "manage_users",
  "admin.users.update": "manage_users",
  "admin.users.setDisabled": "manage_users",
  "admin.users.delete": "manage_users",
  "admin.users.setRole": "manage_users",
  "admin.users.resetPassword": "manage_users",
  "admin.impersonation.start": "impersonate_users",
  "admin.audit.list": "view_all_data",
  "admin.audit.organizations": "view_all_data",
  "admin.audit.startExport": "view_all_data",
  "admin.demo.status": "manage_resources",
  "admin.demo.reseed": "manage_resources",
  "admin.system.status": "view_all_data",
  "admin.providers.list": "manage_providers",
  "admin.providers.update": "manage_providers",
  "admin.unrecognized.list": "manage_resources",
  "admin.unrecognized.facets": "manage_resources",
  "admin.unrecognized.get": "manage_resources",
  "admin.unrecognized.resolve": "manage_resources",
  "admin.unrecognized.delete": "manage_resources",
};

const required = (path: string): PlatformPermission[] => [REQUIRED[path] ?? []].flat();
const adminPaths = () => allProcedures().map((procedure) => procedure.path).filter((path) => path.startsWith("admin."));
// An empty input: the gate runs before input validation, so an admitted caller gets a validation error at worst.
const probe = {};

describe("admin permission matrix", () => {
  it("knows the required permission of every admin procedure", () => {
    expect(adminPaths().sort()).toEqual(Object.keys(REQUIRED).sort());
  });

  it("refuses every admin procedure to anonymous callers, plain users and admins without the permission", async () => {
    const plain = await createPlatformUser("user", [...PLATFORM_PERMISSIONS]);
    for (const path of adminPaths()) {
      expect(await outcome(callByPath(callerFor(null), path, probe)), path).toBe("errors.unauthorized");
      // A plain user holding permissions (e.g. left over from a demotion) is still a plain user.
      expect(await outcome(callByPath(plain.caller, path, probe)), path).toBe("errors.forbidden");
      const allOthers = PLATFORM_PERMISSIONS.filter((permission) => !required(path).includes(permission));
      const adminWithout = await createPlatformUser("admin", allOthers);
      expect(await outcome(callByPath(adminWithout.caller, path, probe)), path).toBe("errors.forbidden");
    }
  });

  it("admits admins holding the permission and super admins past the gate", async () => {
    const superAdmin = await createPlatformUser("super_admin");
    for (const path of adminPaths()) {
      const holders = await Promise.all(required(path).map((permission) => createPlatformUser("admin", [permission])));
      for (const caller of [...holders.map((holder) => holder.caller), superAdmin.caller]) {
        expect(await outcome(callByPath(caller, path, probe)), path).not.toMatch(/^errors\.(forbidden|unauthorized)$/);
      }
    }
  });

  it("refuses every admin procedure while impersonating, even to a super admin acting as an admin", async () => {
    const superAdmin = await createPlatformUser("super_admin");
    const targetAdmin = await createPlatformUser("admin", [...PLATFORM_PERMISSIONS]);
    const { impersonationId } = await startImpersonation(db, SYSTEM_IDENTITY, { admin: superAdmin.user, targetId: targetAdmin.user.id, reason: "ticket 42" });
    const acting = callerFor({ userId: superAdmin.user.id, impersonationId });
    for (const path of adminPaths()) {
      expect(await outcome(callByPath(acting, path, probe)), path).toBe("admin.errors.notWhileImpersonating");
    }
    expect((await acting.user.me()).isPlatformAdmin).toBe(false);
  });
});
