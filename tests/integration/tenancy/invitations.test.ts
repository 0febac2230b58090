import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { acceptInvitation } from "@/server/services/invitations/accept-invitation";
import { SYSTEM_IDENTITY } from "@/server/services/audit/record-audit-event";
import { callerFor, createUserWithOrganization } from "../helpers/test-callers";

describe("invitations by link", () => {
  it("joins the organization with the invited role, once", async () => {
    const owner = await createUserWithOrganization({ orgName: "Inviter" });
    const guest = await createUserWithOrganization({ orgName: "Guest home" });
    const invitation = await owner.caller.invitation.create({ role: "finance" });
    expect(await db.invitation.count({ where: { tokenHash: invitation.token } })).toBe(0); // only the hash is stored

    const preview = await callerFor(null).invitation.preview({ token: invitation.token });
    expect(preview).toMatchObject({ organizationName: "Inviter", role: "finance" });

    const accepted = await guest.caller.invitation.accept({ token: invitation.token });
    expect(accepted).toMatchObject({ organizationName: "Inviter", role: "finance" });
    expect((await guest.caller.organization.current()).name).toBe("Inviter");

    const third = await createUserWithOrganization();
    await expect(third.caller.invitation.accept({ token: invitation.token })).rejects.toThrow(/already been used/);
    expect(await db.membership.count({ where: { organizationId: owner.organization.id } })).toBe(2);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "invitation.accept" } });
    expect(audit.actorId).toBe(guest.user.id);
  });

  it("rejects expired, revoked and wrong-email invitations with clear messages", async () => {
    const owner = await createUserWithOrganization();
    const guest = await createUserWithOrganization({ email: "guest@example.test" });

    const expired = await owner.caller.invitation.create({ role: "member" });
    await db.invitation.update({ where: { id: expired.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await expect(guest.caller.invitation.accept({ token: expired.token })).rejects.toThrow("This invitation has expired. Ask for a new one.");
    await expect(callerFor({ userId: guest.user.id }, "ru").invitation.accept({ token: expired.token })).rejects.toThrow("Срок действия приглашения истёк. Попросите прислать новое.");

    const revoked = await owner.caller.invitation.create({ role: "member" });
    await owner.caller.invitation.revoke({ invitationId: revoked.id });
    await expect(guest.caller.invitation.accept({ token: revoked.token })).rejects.toThrow(/already been used or revoked/);

    const forOther = await owner.caller.invitation.create({ role: "member", email: "someone.else@example.test" });
    await expect(guest.caller.invitation.accept({ token: forOther.token })).rejects.toThrow(/someone.else@example.test/);

    await expect(callerFor(null).invitation.preview({ token: "x".repeat(32) })).rejects.toThrow(/not valid/);
    expect(await db.membership.count({ where: { organizationId: owner.organization.id } })).toBe(1);
    expect((await owner.caller.invitation.list()).map((open) => open.id)).toEqual([forOther.id]);
  });

  it("lets exactly one of two concurrent accepts of the same link win", async () => {
    const owner = await createUserWithOrganization();
    const first = await createUserWithOrganization();
    const second = await createUserWithOrganization();
    const invitation = await owner.caller.invitation.create({ role: "member" });
    const results = await Promise.allSettled([
      acceptInvitation(db, SYSTEM_IDENTITY, { token: invitation.token, user: first.user }),
      acceptInvitation(db, SYSTEM_IDENTITY, { token: invitation.token, user: second.user }),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect(await db.membership.count({ where: { organizationId: owner.organization.id } })).toBe(2);
  });
});
