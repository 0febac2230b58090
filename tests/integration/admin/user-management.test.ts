import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { authenticateWithPassword } from "@/server/services/users/authenticate-with-password";
import { hashPassword } from "@/server/auth/password-hashing";
import { addMember, callerFor, createUserWithOrganization } from "../helpers/test-callers";
import { truncateAllTables } from "../setup/worker-database";
import { createPlatformUser } from "./admin-harness";

beforeEach(truncateAllTables);

const limits = { max: 100, windowSeconds: 60 };

describe("user list", () => {
  it("searches, filters by role and status, and paginates", async () => {
    const root = await createPlatformUser("super_admin", [], "root@example.test");
    await createPlatformUser("admin", ["manage_users"], "helper@example.test");
    for (let index = 0; index < 7; index += 1) await db.user.create({ data: { email: `client${index}@shop.test`, name: `Клиент ${index}`, disabledAt: index < 2 ? new Date() : null } });

    const search = await root.caller.admin.users.list({ search: "SHOP.test", pageSize: 5 });
    expect(search.total).toBe(7);
    expect(search.users).toHaveLength(5);
    const second = await root.caller.admin.users.list({ search: "shop.test", pageSize: 5, page: 2 });
    expect(second.users).toHaveLength(2);
    expect(new Set([...search.users, ...second.users].map((user) => user.email)).size).toBe(7);
    expect((await root.caller.admin.users.list({ search: "Клиент 3" })).users.map((user) => user.email)).toEqual(["client3@shop.test"]);
    expect((await root.caller.admin.users.list({ role: "admin" })).users.map((user) => user.email)).toEqual(["helper@example.test"]);
    expect((await root.caller.admin.users.list({ status: "disabled" })).total).toBe(2);
  });

  it("shows organizations, roles and login methods", async () => {
    const root = await createPlatformUser("super_admin");
    const owner = await createUserWithOrganization({ orgName: "Ромашка", passwordHash: await hashPassword("Strong-pass-2026") });
    await db.account.create({ data: { userId: owner.user.id, provider: "google", providerAccountId: "g-1" } });
    const [row] = (await root.caller.admin.users.list({ search: owner.user.email })).users;
    expect(row).toMatchObject({ loginMethods: ["password", "google"], organizations: [{ name: "Ромашка", role: "owner" }], disabled: false, platformRole: "user" });
  });
});

describe("user management", () => {
  it("creates, edits, disables and enables users, each audited", async () => {
    const manager = await createPlatformUser("admin", ["manage_users"]);
    const created = await manager.caller.admin.users.create({ email: "New@Example.test", name: "Новый" });
    expect(created.token).toMatch(/^[\w-]{40,}$/);
    await expect(manager.caller.admin.users.create({ email: "new@example.test", name: "Again" })).rejects.toMatchObject({ code: "CONFLICT" });
    await manager.caller.admin.users.update({ userId: created.userId, email: "renamed@example.test", name: "Переименован" });
    await manager.caller.admin.users.setDisabled({ userId: created.userId, disabled: true });
    await manager.caller.admin.users.setDisabled({ userId: created.userId, disabled: false });
    const rows = await db.auditLog.findMany({ where: { targetId: created.userId }, orderBy: { createdAt: "asc" } });
    expect(rows.map((row) => row.action)).toEqual(["admin.user.create", "admin.user.password_reset", "admin.user.update", "admin.user.disable", "admin.user.enable"]);
    for (const row of rows) expect(row).toMatchObject({ actorId: manager.user.id, ip: "203.0.113.7", userAgent: "vitest" });
  });

  it("stops a disabled user's sign-in and their existing session at once", async () => {
    const manager = await createPlatformUser("admin", ["manage_users"]);
    const customer = await createUserWithOrganization({ passwordHash: await hashPassword("Strong-pass-2026") });
    expect((await customer.caller.user.me()).email).toBe(customer.user.email);
    await manager.caller.admin.users.setDisabled({ userId: customer.user.id, disabled: true });
    await expect(customer.caller.user.me()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    expect(await authenticateWithPassword(db, { email: customer.user.email, password: "Strong-pass-2026", ip: null }, limits)).toEqual({ ok: false, reason: "disabled" });
  });

  it("lets only a super admin change roles and permissions, or touch another admin's account", async () => {
    const manager = await createPlatformUser("admin", ["manage_users"]);
    const otherAdmin = await createPlatformUser("admin", ["view_all_data"]);
    const root = await createPlatformUser("super_admin");
    const customer = await createUserWithOrganization();

    await expect(manager.caller.admin.users.setRole({ userId: manager.user.id, role: "admin", permissions: ["manage_users", "impersonate_users"] })).rejects.toThrow("Only a super admin can do this.");
    await expect(manager.caller.admin.users.setRole({ userId: customer.user.id, role: "admin", permissions: [] })).rejects.toThrow("Only a super admin can do this.");
    // Started one at a time: calls created up front would reject before they are awaited (unhandled on Postgres).
    for (const attempt of [
      () => manager.caller.admin.users.resetPassword({ userId: otherAdmin.user.id }),
      () => manager.caller.admin.users.setDisabled({ userId: root.user.id, disabled: true }),
      () => manager.caller.admin.users.update({ userId: otherAdmin.user.id, email: "x@example.test", name: "X" }),
      () => manager.caller.admin.users.delete({ userId: otherAdmin.user.id }),
    ]) {
      await expect(attempt()).rejects.toThrow("Only a super admin can do this.");
    }

    await root.caller.admin.users.setRole({ userId: customer.user.id, role: "admin", permissions: ["impersonate_users", "impersonate_users"] });
    expect(await db.user.findUniqueOrThrow({ where: { id: customer.user.id } })).toMatchObject({ platformRole: "admin", permissions: ["impersonate_users"] });
    await root.caller.admin.users.setRole({ userId: customer.user.id, role: "admin", permissions: ["view_all_data"] });
    await root.caller.admin.users.setRole({ userId: customer.user.id, role: "user", permissions: ["view_all_data"] });
    // Permissions only mean something for admins: a demoted user keeps none.
    expect(await db.user.findUniqueOrThrow({ where: { id: customer.user.id } })).toMatchObject({ platformRole: "user", permissions: [] });
    const actions = await db.auditLog.findMany({ where: { targetId: customer.user.id }, orderBy: { createdAt: "asc" } });
    expect(actions.map((row) => row.action)).toEqual(["admin.user.role", "admin.user.permissions", "admin.user.role"]);
  });

  it("never removes the last enabled super admin", async () => {
    const root = await createPlatformUser("super_admin");
    await expect(root.caller.admin.users.setRole({ userId: root.user.id, role: "admin", permissions: [] })).rejects.toThrow("The last super admin cannot be disabled, deleted or demoted.");
    await expect(root.caller.admin.users.setDisabled({ userId: root.user.id, disabled: true })).rejects.toThrow("This action cannot be applied to your own account.");

    const second = await createPlatformUser("super_admin");
    await second.caller.admin.users.setRole({ userId: root.user.id, role: "admin", permissions: [] });
    await expect(second.caller.admin.users.setRole({ userId: second.user.id, role: "user", permissions: [] })).rejects.toThrow(/last super admin/);

    // A disabled super admin does not count as the one that remains.
    const third = await createPlatformUser("super_admin");
    await second.caller.admin.users.setDisabled({ userId: third.user.id, disabled: true });
    await expect(second.caller.admin.users.setRole({ userId: second.user.id, role: "admin", permissions: [] })).rejects.toThrow(/last super admin/);
    await expect(callerFor({ userId: root.user.id }).admin.users.list({})).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db.user.count({ where: { platformRole: "super_admin", disabledAt: null } })).toBe(1);
  });

  it("deletes a user only after their organizations keep an owner, or are removed when nobody else is in them", async () => {
    const root = await createPlatformUser("super_admin");
    const leaving = await createUserWithOrganization({ orgName: "Shared" });
    const member = await addMember(leaving.organization.id, "member");
    const admin = await addMember(leaving.organization.id, "admin");
    const solo = await db.organization.create({ data: { name: "Solo", slug: `solo-${Date.now()}`, memberships: { create: { userId: leaving.user.id, role: "owner" } } } });
    const coOwned = await createUserWithOrganization({ orgName: "Co-owned" });
    await db.membership.create({ data: { organizationId: coOwned.organization.id, userId: leaving.user.id, role: "owner" } });

    await expect(root.caller.admin.users.delete({ userId: root.user.id })).rejects.toThrow(/your own account/);
    const result = await root.caller.admin.users.delete({ userId: leaving.user.id });

    expect(result).toEqual({ handedOver: [{ organizationId: leaving.organization.id, newOwnerId: admin.user.id }], deleted: [solo.id] });
    expect(await db.user.findUnique({ where: { id: leaving.user.id } })).toBeNull();
    expect((await db.membership.findUniqueOrThrow({ where: { id: admin.membership.id } })).role).toBe("owner");
    expect((await db.membership.findUniqueOrThrow({ where: { id: member.membership.id } })).role).toBe("member");
    expect(await db.organization.findUnique({ where: { id: solo.id } })).toBeNull();
    expect(await db.membership.count({ where: { organizationId: coOwned.organization.id, role: "owner" } })).toBe(1);
    expect(await db.auditLog.findFirst({ where: { action: "admin.user.delete" } })).toMatchObject({ actorId: root.user.id, targetId: leaving.user.id });
  });
});

describe("password reset links", () => {
  it("work once, within an hour, and only the newest one", async () => {
    const manager = await createPlatformUser("admin", ["manage_users"]);
    const customer = await createUserWithOrganization();
    const anonymous = callerFor(null);
    const first = await manager.caller.admin.users.resetPassword({ userId: customer.user.id });
    const second = await manager.caller.admin.users.resetPassword({ userId: customer.user.id });
    expect(await anonymous.auth.previewPasswordReset({ token: first.token })).toEqual({ valid: false });
    expect(await anonymous.auth.previewPasswordReset({ token: second.token })).toEqual({ valid: true, email: customer.user.email });

    await expect(anonymous.auth.resetPassword({ token: second.token, newPassword: "short" })).rejects.toThrow(/at least 10/);
    await anonymous.auth.resetPassword({ token: second.token, newPassword: "Brand-new-pass-7" });
    await expect(anonymous.auth.resetPassword({ token: second.token, newPassword: "Another-pass-8" })).rejects.toThrow(/no longer valid/);
    expect(await authenticateWithPassword(db, { email: customer.user.email, password: "Brand-new-pass-7", ip: null }, limits)).toMatchObject({ ok: true });
    expect(await db.passwordResetToken.count({ where: { tokenHash: second.token } })).toBe(0);

    const late = await manager.caller.admin.users.resetPassword({ userId: customer.user.id });
    await db.passwordResetToken.updateMany({ where: { usedAt: null }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await expect(anonymous.auth.resetPassword({ token: late.token, newPassword: "Late-pass-9999" })).rejects.toThrow(/no longer valid/);
    expect(await db.auditLog.count({ where: { action: "user.password_reset_complete", actorId: customer.user.id } })).toBe(1);
  });
});
