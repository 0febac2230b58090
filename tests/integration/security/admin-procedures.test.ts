import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { adminProcedure, createCallerFactory, createTRPCContext, createTRPCRouter } from "@/server/api/trpc";
import { bootstrapSuperAdmin } from "@/server/services/admin/bootstrap-super-admin";
import { verifyPassword } from "@/server/auth/password-hashing";
import { truncateAllTables } from "../setup/worker-database";

beforeEach(truncateAllTables);

// A probe router: the real admin routers arrive with the admin area; the gate they use is tested here.
const probe = createTRPCRouter({ manageUsers: adminProcedure("manage_users").query(({ ctx }) => ctx.user.email) });
const probeCaller = (userId: string) => createCallerFactory(probe)(createTRPCContext({ headers: new Headers(), session: { userId } }));

describe("adminProcedure(permission)", () => {
  it("admits super admins and admins holding the permission, and nobody else", async () => {
    const plain = await db.user.create({ data: { email: "plain@example.test" } });
    const adminWithout = await db.user.create({ data: { email: "admin1@example.test", platformRole: "admin", permissions: ["view_all_data"] } });
    const adminWith = await db.user.create({ data: { email: "admin2@example.test", platformRole: "admin", permissions: ["manage_users"] } });
    const superAdmin = await db.user.create({ data: { email: "root@example.test", platformRole: "super_admin" } });
    // A permission alone does not make a plain user an admin.
    const userWithStrayPermission = await db.user.create({ data: { email: "stray@example.test", permissions: ["manage_users"] } });

    for (const refused of [plain, adminWithout, userWithStrayPermission]) {
      await expect(probeCaller(refused.id).manageUsers()).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    expect(await probeCaller(adminWith.id).manageUsers()).toBe("admin2@example.test");
    expect(await probeCaller(superAdmin.id).manageUsers()).toBe("root@example.test");
  });
});

describe("super admin bootstrap", () => {
  it("creates the super admin with an audited, operator-given password and rejects weak ones", async () => {
    await expect(bootstrapSuperAdmin(db, { email: "ops@example.test", password: "admin" })).rejects.toThrow(/at least 10/);
    expect(await db.user.count()).toBe(0);
    const created = await bootstrapSuperAdmin(db, { email: "ops@example.test", password: "Long-admin-pass-1" });
    const user = await db.user.findUniqueOrThrow({ where: { id: created.userId } });
    expect(user.platformRole).toBe("super_admin");
    expect(await verifyPassword("Long-admin-pass-1", user.passwordHash!)).toBe(true);
    const again = await bootstrapSuperAdmin(db, { email: "OPS@example.test", password: "Other-admin-pass-2" });
    expect(again).toEqual({ userId: created.userId, created: false });
    expect((await db.auditLog.findMany({ orderBy: { createdAt: "asc" } })).map((row) => row.action)).toEqual(["admin.create_super_admin", "admin.promote_super_admin"]);
  });
});
