import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { addMember, callerFor, createUserWithOrganization } from "../helpers/test-callers";

async function expectCode(promise: Promise<unknown>, code: TRPCError["code"]) {
  const error = await promise.then(() => null, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(TRPCError);
  expect((error as TRPCError).code).toBe(code);
  return error as TRPCError;
}

describe("tenant scoping of org procedures", () => {
  it("refuses ids that belong to another organization and leaves that organization untouched", async () => {
    const alpha = await createUserWithOrganization({ orgName: "Alpha" });
    const beta = await createUserWithOrganization({ orgName: "Beta" });
    const betaMember = await addMember(beta.organization.id, "member");
    const betaInvite = await beta.caller.invitation.create({ role: "viewer" });

    await expectCode(alpha.caller.organization.removeMember({ membershipId: betaMember.membership.id }), "NOT_FOUND");
    await expectCode(alpha.caller.organization.changeMemberRole({ membershipId: betaMember.membership.id, role: "admin" }), "NOT_FOUND");
    await expectCode(alpha.caller.invitation.revoke({ invitationId: betaInvite.id }), "NOT_FOUND");

    const stillThere = await db.membership.findUniqueOrThrow({ where: { id: betaMember.membership.id } });
    expect(stillThere.role).toBe("member");
    expect((await db.invitation.findUniqueOrThrow({ where: { id: betaInvite.id } })).revokedAt).toBeNull();
  });

  it("lists only the active organization's members and never another's", async () => {
    const alpha = await createUserWithOrganization({ orgName: "Alpha" });
    const beta = await createUserWithOrganization({ orgName: "Beta" });
    await addMember(beta.organization.id, "viewer");
    const members = await alpha.caller.organization.members();
    expect(members.map((member) => member.user.email)).toEqual([alpha.user.email]);
    expect((await beta.caller.organization.members()).length).toBe(2);
  });

  it("does not let a user switch into an organization they do not belong to", async () => {
    const alpha = await createUserWithOrganization();
    const beta = await createUserWithOrganization();
    const error = await expectCode(alpha.caller.organization.switch({ organizationId: beta.organization.id }), "FORBIDDEN");
    expect(error.message).toMatch(/do not have access/);
    expect((await db.user.findUniqueOrThrow({ where: { id: alpha.user.id } })).activeOrganizationId).toBe(alpha.organization.id);
  });

  it("falls back to a remaining membership when the active organization was left", async () => {
    const alpha = await createUserWithOrganization({ orgName: "Alpha" });
    const beta = await createUserWithOrganization({ orgName: "Beta" });
    const joined = await db.membership.create({ data: { organizationId: beta.organization.id, userId: alpha.user.id, role: "member" } });
    await alpha.caller.organization.switch({ organizationId: beta.organization.id });
    expect((await alpha.caller.organization.current()).name).toBe("Beta");
    await db.membership.delete({ where: { id: joined.id } });
    expect((await alpha.caller.organization.current()).name).toBe("Alpha");
  });

  it("applies org roles: viewers read, only owners/admins manage members", async () => {
    const owner = await createUserWithOrganization();
    const viewer = await addMember(owner.organization.id, "viewer");
    const admin = await addMember(owner.organization.id, "admin");
    expect((await viewer.caller.dashboard.summary()).members).toBe(3);
    await expectCode(viewer.caller.organization.changeMemberRole({ membershipId: admin.membership.id, role: "viewer" }), "FORBIDDEN");
    await expectCode(viewer.caller.invitation.create({ role: "member" }), "FORBIDDEN");
    await admin.caller.organization.changeMemberRole({ membershipId: viewer.membership.id, role: "finance" });
    expect((await db.membership.findUniqueOrThrow({ where: { id: viewer.membership.id } })).role).toBe("finance");
  });

  it("refuses anonymous callers and disabled users", async () => {
    await expectCode(callerFor(null).organization.members(), "UNAUTHORIZED");
    const { user, caller } = await createUserWithOrganization();
    await db.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    await expectCode(caller.user.me(), "UNAUTHORIZED");
  });

  it("tells a user without any organization what to do", async () => {
    const user = await db.user.create({ data: { email: "lonely@example.test" } });
    const error = await expectCode(callerFor({ userId: user.id }, "ru").dashboard.summary(), "FORBIDDEN");
    expect(error.message).toBe("Вы не состоите ни в одной организации. Создайте организацию или примите приглашение.");
  });
});
