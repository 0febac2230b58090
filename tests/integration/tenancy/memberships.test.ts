import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { addMember, createUserWithOrganization } from "../helpers/test-callers";

describe("membership management", () => {
  it("never leaves an organization without an owner", async () => {
    const { caller, organization, user } = await createUserWithOrganization();
    const own = await db.membership.findFirstOrThrow({ where: { organizationId: organization.id, userId: user.id } });
    await expect(caller.organization.changeMemberRole({ membershipId: own.id, role: "admin" })).rejects.toThrow(/last owner/);
    await expect(caller.organization.removeMember({ membershipId: own.id })).rejects.toThrow(/last owner/);
    expect((await db.membership.findUniqueOrThrow({ where: { id: own.id } })).role).toBe("owner");
  });

  it("lets only owners grant or take away ownership", async () => {
    const { caller, organization } = await createUserWithOrganization();
    const admin = await addMember(organization.id, "admin");
    const member = await addMember(organization.id, "member");
    await expect(admin.caller.organization.changeMemberRole({ membershipId: member.membership.id, role: "owner" })).rejects.toThrow(/Only an owner/);
    await expect(admin.caller.invitation.create({ role: "owner" })).rejects.toThrow(/Only an owner/);
    await caller.organization.changeMemberRole({ membershipId: member.membership.id, role: "owner" });
    expect((await db.membership.findUniqueOrThrow({ where: { id: member.membership.id } })).role).toBe("owner");
  });

  it("audits every membership change with actor, target and before/after", async () => {
    const { caller, organization, user } = await createUserWithOrganization();
    const member = await addMember(organization.id, "member");
    await caller.organization.changeMemberRole({ membershipId: member.membership.id, role: "finance" });
    await caller.organization.removeMember({ membershipId: member.membership.id });
    const rows = await db.auditLog.findMany({ where: { organizationId: organization.id }, orderBy: { createdAt: "asc" } });
    expect(rows.map((row) => row.action)).toEqual(["membership.role_change", "membership.remove"]);
    expect(rows[0]).toMatchObject({ actorId: user.id, targetId: member.membership.id, ip: "203.0.113.7", userAgent: "vitest" });
    expect(rows[0]!.metadata).toEqual({ userId: member.user.id, from: "member", to: "finance" });
    expect(await db.membership.count({ where: { organizationId: organization.id } })).toBe(1);
  });

  it("creates organizations with the creator as owner and switches to them", async () => {
    const { caller, user } = await createUserWithOrganization({ orgName: "First" });
    const created = await caller.organization.create({ name: "ООО Ромашка" });
    expect(created.slug).toMatch(/^org-[0-9a-f]{6}$/);
    expect((await caller.organization.current()).name).toBe("ООО Ромашка");
    expect((await caller.organization.list()).map((org) => org.name)).toEqual(["First", "ООО Ромашка"]);
    const membership = await db.membership.findFirstOrThrow({ where: { organizationId: created.id, userId: user.id } });
    expect(membership.role).toBe("owner");
  });
});

describe("ownership transfer", () => {
  it("hands the organization to another member, the owner stepping down to admin, audited", async () => {
    const { caller, organization, user } = await createUserWithOrganization();
    const admin = await addMember(organization.id, "admin");
    const finance = await addMember(organization.id, "finance");
    await expect(admin.caller.organization.transferOwnership({ membershipId: finance.membership.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const own = await db.membership.findFirstOrThrow({ where: { organizationId: organization.id, userId: user.id } });
    await expect(caller.organization.transferOwnership({ membershipId: own.id })).rejects.toThrow(/already own/);
    const outsider = await createUserWithOrganization();
    const foreign = await db.membership.findFirstOrThrow({ where: { organizationId: outsider.organization.id } });
    await expect(caller.organization.transferOwnership({ membershipId: foreign.id })).rejects.toMatchObject({ code: "NOT_FOUND" });

    await caller.organization.transferOwnership({ membershipId: finance.membership.id });
    const roles = await db.membership.findMany({ where: { organizationId: organization.id }, orderBy: { createdAt: "asc" } });
    expect(roles.map((membership) => [membership.userId, membership.role])).toEqual([[user.id, "admin"], [admin.user.id, "admin"], [finance.user.id, "owner"]]);
    expect(await db.auditLog.findFirst({ where: { action: "organization.transfer_ownership" } })).toMatchObject({ actorId: user.id, targetId: finance.membership.id, organizationId: organization.id });
    // The former owner is now an admin and cannot transfer again.
    await expect(caller.organization.transferOwnership({ membershipId: admin.membership.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
