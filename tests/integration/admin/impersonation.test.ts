import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/server/db";
import { isLiveImpersonation } from "@/server/services/impersonation/resolve-request-user";
import { callerFor, createUserWithOrganization } from "../helpers/test-callers";
import { truncateAllTables } from "../setup/worker-database";
import { allProcedures, callByPath, createPlatformUser, outcome } from "./admin-harness";

beforeEach(truncateAllTables);
afterEach(() => vi.useRealTimers());

async function startActingAs(adminId: string, targetId: string, reason = "ticket 1234") {
  const { impersonationId } = await callerFor({ userId: adminId }).admin.impersonation.start({ userId: targetId, reason });
  return { impersonationId, acting: callerFor({ userId: adminId, impersonationId }) };
}

// Public mutations run as nobody (sign-up, a reset link): an impersonating admin is not acting as anyone there.
const PUBLIC_MUTATIONS = ["auth.signUp", "auth.resetPassword"];

describe("impersonation", () => {
  it("runs requests as the target while both identities are known, and audits start and stop", async () => {
    const support = await createPlatformUser("admin", ["impersonate_users"]);
    const customer = await createUserWithOrganization();
    const { impersonationId, acting } = await startActingAs(support.user.id, customer.user.id);

    const me = await acting.user.me();
    expect(me.email).toBe(customer.user.email);
    expect(me.impersonation).toMatchObject({ adminEmail: support.user.email, reason: "ticket 1234" });
    expect(me.isPlatformAdmin).toBe(false);
    expect((await acting.organization.current()).id).toBe(customer.organization.id);

    expect(await acting.impersonation.stop()).toEqual({ stopped: true });
    // The browser may still send the old id: the ended row makes the request run as the admin again.
    expect((await acting.user.me()).email).toBe(support.user.email);
    expect(await acting.impersonation.stop()).toEqual({ stopped: false });

    const rows = await db.auditLog.findMany({ where: { action: { in: ["impersonation.start", "impersonation.stop"] } }, orderBy: { createdAt: "asc" } });
    expect(rows.map((row) => row.action)).toEqual(["impersonation.start", "impersonation.stop"]);
    for (const row of rows) expect(row).toMatchObject({ actorId: support.user.id, targetId: customer.user.id, ip: "203.0.113.7", userAgent: "vitest" });
    expect(rows[0]!.metadata).toMatchObject({ impersonationId, reason: "ticket 1234" });
  });

  it("needs impersonate_users and a reason, and never targets a super admin, oneself or a disabled user", async () => {
    const support = await createPlatformUser("admin", ["impersonate_users"]);
    const manager = await createPlatformUser("admin", ["manage_users"]);
    const root = await createPlatformUser("super_admin");
    const otherRoot = await createPlatformUser("super_admin");
    const customer = await createUserWithOrganization();
    const disabled = await db.user.create({ data: { email: "gone@example.test", disabledAt: new Date() } });

    await expect(manager.caller.admin.impersonation.start({ userId: customer.user.id, reason: "ticket" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(support.caller.admin.impersonation.start({ userId: customer.user.id, reason: " " })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(support.caller.admin.impersonation.start({ userId: root.user.id, reason: "ticket" })).rejects.toThrow("You cannot act as a super admin.");
    await expect(root.caller.admin.impersonation.start({ userId: otherRoot.user.id, reason: "ticket" })).rejects.toThrow("You cannot act as a super admin.");
    await expect(support.caller.admin.impersonation.start({ userId: support.user.id, reason: "ticket" })).rejects.toThrow("You cannot act as yourself.");
    await expect(support.caller.admin.impersonation.start({ userId: disabled.id, reason: "ticket" })).rejects.toThrow(/disabled/);
    expect(await db.impersonationSession.count()).toBe(0);
  });

  it("expires after 60 minutes on a fixed clock, once, and audited", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-03-02T10:00:00Z"));
    const support = await createPlatformUser("admin", ["impersonate_users"]);
    const customer = await createUserWithOrganization();
    const { impersonationId, acting } = await startActingAs(support.user.id, customer.user.id);

    vi.setSystemTime(new Date("2026-03-02T10:59:59Z"));
    expect((await acting.user.me()).email).toBe(customer.user.email);
    vi.setSystemTime(new Date("2026-03-02T11:00:00Z"));
    expect((await acting.user.me()).email).toBe(support.user.email);
    expect((await acting.user.me()).impersonation).toBeNull();

    expect(await db.auditLog.count({ where: { action: "impersonation.expire", targetId: customer.user.id, actorId: support.user.id } })).toBe(1);
    expect(await db.impersonationSession.findUniqueOrThrow({ where: { id: impersonationId } })).toMatchObject({ endReason: "expired" });
    expect(await isLiveImpersonation(db, impersonationId, support.user.id)).toBe(false);
  });

  it("ends the session when the admin loses impersonate_users or the target is promoted to super admin", async () => {
    const support = await createPlatformUser("admin", ["impersonate_users"]);
    const customer = await createUserWithOrganization();
    const first = await startActingAs(support.user.id, customer.user.id);
    await db.user.update({ where: { id: support.user.id }, data: { permissions: [] } });
    expect((await first.acting.user.me()).email).toBe(support.user.email);

    await db.user.update({ where: { id: support.user.id }, data: { permissions: ["impersonate_users"] } });
    const second = await startActingAs(support.user.id, customer.user.id);
    await db.user.update({ where: { id: customer.user.id }, data: { platformRole: "super_admin" } });
    expect((await second.acting.user.me()).email).toBe(support.user.email);
    expect(await db.auditLog.count({ where: { action: "impersonation.revoke" } })).toBe(2);
  });

  it("honours a session id only for the admin who opened it", async () => {
    const support = await createPlatformUser("admin", ["impersonate_users"]);
    const colleague = await createPlatformUser("admin", ["impersonate_users"]);
    const customer = await createUserWithOrganization();
    const { impersonationId } = await startActingAs(support.user.id, customer.user.id);
    expect(await isLiveImpersonation(db, impersonationId, colleague.user.id)).toBe(false);
    expect(await isLiveImpersonation(db, impersonationId, support.user.id)).toBe(true);
    expect((await callerFor({ userId: colleague.user.id, impersonationId }).user.me()).email).toBe(colleague.user.email);
  });

  it("writes an audit row naming both identities for every mutation made while impersonating", async () => {
    const support = await createPlatformUser("admin", ["impersonate_users"]);
    const customer = await createUserWithOrganization();
    const { acting, impersonationId } = await startActingAs(support.user.id, customer.user.id);

    // One real change and one carrying secrets, then every other mutation with an empty input (refused or not).
    await acting.organization.rename({ name: "Renamed by support" });
    await expect(acting.user.changePassword({ currentPassword: "hunter2-old", newPassword: "hunter2-new-1" })).rejects.toThrow();
    const mutations = allProcedures().filter((procedure) => procedure.type === "mutation" && !PUBLIC_MUTATIONS.includes(procedure.path));
    const stopLast = mutations.sort((a, b) => Number(a.path === "impersonation.stop") - Number(b.path === "impersonation.stop"));
    for (const { path } of stopLast) await outcome(callByPath(acting, path, {}));

    const rows = await db.auditLog.findMany({ where: { action: { startsWith: "impersonation.request:" } } });
    for (const { path } of mutations) {
      expect(rows.some((row) => row.action === `impersonation.request:${path}`), path).toBe(true);
    }
    for (const row of rows) {
      expect(row).toMatchObject({ actorId: customer.user.id, impersonatorId: support.user.id, ip: "203.0.113.7", userAgent: "vitest", organizationId: customer.organization.id });
      expect(row.metadata).toMatchObject({ impersonationId });
      expect((row.metadata as { outcome: string }).outcome).not.toBe("pending");
    }
    const rename = rows.find((row) => row.action === "impersonation.request:organization.rename" && (row.metadata as { outcome: string }).outcome === "ok");
    expect(rename?.metadata).toMatchObject({ input: { name: "Renamed by support" } });
    const password = rows.find((row) => row.action === "impersonation.request:user.changePassword" && (row.metadata as { input: object }).input && Object.keys((row.metadata as { input: object }).input).length > 0);
    expect(password?.metadata).toMatchObject({ input: { currentPassword: "***", newPassword: "***" }, outcome: "BAD_REQUEST" });
    // The service's own row names both identities too.
    expect(await db.auditLog.findFirst({ where: { action: "organization.rename" } })).toMatchObject({ actorId: customer.user.id, impersonatorId: support.user.id });
    expect(JSON.stringify(rows)).not.toContain("hunter2");
  });

  it("audits no mutation as impersonated when nobody is acting as someone", async () => {
    const customer = await createUserWithOrganization();
    await customer.caller.organization.rename({ name: "Own change" });
    expect(await db.auditLog.count({ where: { action: { startsWith: "impersonation." } } })).toBe(0);
  });
});
