import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { addMember, callerFor, createUserWithOrganization } from "../../helpers/test-callers";
import { createPlatformUser } from "../../admin/admin-harness";
import { startFakeBotApi, type FakeBotApi } from "../support/fake-bot-api";
import { createLinkedChat } from "../support/linked-chat";
import { createConnectionWithProject, setTelegramEnv } from "./link-support";

describe("telegram router", () => {
  let api: FakeBotApi;
  let restoreEnv = () => {};
  beforeAll(async () => {
    api = await startFakeBotApi();
  });
  afterAll(async () => {
    await api.close();
  });
  afterEach(() => restoreEnv());
  const botOn = (extra: Record<string, string> = {}) => {
    restoreEnv = setTelegramEnv({ TELEGRAM_BOT_TOKEN: api.token, TELEGRAM_API_ROOT: api.apiRoot, ...extra });
  };

  it("reports the bot as off without a token, and refuses to make codes", async () => {
    restoreEnv = setTelegramEnv({});
    const owner = await createUserWithOrganization();
    expect(await owner.caller.telegram.status()).toEqual({ enabled: false });
    await expect(owner.caller.telegram.createLinkCode({ purpose: "user" })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      message: "The Telegram bot is off: set TELEGRAM_BOT_TOKEN on the InfraZen server.",
    });
  });

  it("describes the bot without its token or secret, reading the username from getMe once", async () => {
    botOn({ TELEGRAM_WEBHOOK_SECRET: "s3cret-webhook-value" });
    const owner = await createUserWithOrganization();
    const status = await owner.caller.telegram.status();
    expect(status).toEqual({ enabled: true, username: "infrazen_test_bot", mode: "webhook", webhookUrl: expect.stringMatching(/\/api\/telegram$/) });
    await owner.caller.telegram.status();
    expect(api.callsOf("getMe")).toHaveLength(1);
    const serialized = JSON.stringify(status);
    expect(serialized).not.toContain(api.token);
    expect(serialized).not.toContain("TEST-fake-token");
    expect(serialized).not.toContain("s3cret-webhook-value");
  });

  it("gives any member a private-chat code with a deep link; only admins get group codes", async () => {
    botOn({ TELEGRAM_BOT_USERNAME: "@infrazen_bot" });
    const owner = await createUserWithOrganization();
    const member = await addMember(owner.organization.id, "member");
    const issued = await member.caller.telegram.createLinkCode({ purpose: "user" });
    expect(issued.deepLink).toBe(`https://t.me/infrazen_bot?start=${issued.code}`);
    expect(issued.command).toBe(`/start ${issued.code}`);
    await expect(member.caller.telegram.createLinkCode({ purpose: "group" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db.telegramLinkCode.count({ where: { organizationId: owner.organization.id } })).toBe(1);

    const group = await owner.caller.telegram.createLinkCode({ purpose: "group" });
    expect(group).toMatchObject({ purpose: "group", deepLink: null, command: `/link ${group.code}` });
  });

  it("refuses to link Telegram while an admin impersonates the user: the link would outlive the session", async () => {
    botOn();
    const support = await createPlatformUser("admin", ["impersonate_users"]);
    const customer = await createUserWithOrganization();
    const { impersonationId } = await callerFor({ userId: support.user.id }).admin.impersonation.start({ userId: customer.user.id, reason: "ticket 77" });
    await expect(callerFor({ userId: support.user.id, impersonationId }).telegram.createLinkCode({ purpose: "user" })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: "Telegram cannot be linked while acting as another user: the link would outlive the session.",
    });
    expect(await db.telegramLinkCode.count({ where: { userId: customer.user.id } })).toBe(0);
  });

  it("refuses group filters that belong to another organization", async () => {
    botOn();
    const owner = await createUserWithOrganization();
    const other = await createUserWithOrganization();
    const foreign = await createConnectionWithProject(other.organization.id, "Their cloud", { id: "their-project", name: "Theirs" });
    const own = await createConnectionWithProject(owner.organization.id, "Our cloud", { id: "our-project", name: "Ours" });
    await expect(owner.caller.telegram.createLinkCode({ purpose: "group", connectionIds: [foreign.id] })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(owner.caller.telegram.createLinkCode({ purpose: "group", projectIds: ["their-project"] })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const issued = await owner.caller.telegram.createLinkCode({ purpose: "group", connectionIds: [own.id], projectIds: ["our-project"] });
    const stored = await db.telegramLinkCode.findFirstOrThrow({ where: { organizationId: owner.organization.id } });
    expect(stored).toMatchObject({ purpose: "group", connectionIds: [own.id], projectIds: ["our-project"], expiresAt: issued.expiresAt });
  });

  it("lists the caller's own private chat and the organization's groups, never another tenant's", async () => {
    const owner = await createUserWithOrganization();
    const colleague = await addMember(owner.organization.id, "member");
    const other = await createUserWithOrganization();
    const connection = await createConnectionWithProject(owner.organization.id, "Selectel prod", { id: "p-prod", name: "Prod" });
    const mine = await createLinkedChat({ organizationId: owner.organization.id, userId: owner.user.id });
    await createLinkedChat({ organizationId: owner.organization.id, userId: colleague.user.id });
    const group = await createLinkedChat({ organizationId: owner.organization.id, userId: owner.user.id, kind: "group", connectionIds: [connection.id], projectIds: ["p-prod"] });
    await createLinkedChat({ organizationId: other.organization.id, userId: other.user.id, kind: "group" });

    const links = await owner.caller.telegram.links();
    expect(links.privateChats.map((chat) => chat.id)).toEqual([mine.id]);
    expect(links.groups).toEqual([
      expect.objectContaining({ id: group.id, connections: [{ id: connection.id, name: "Selectel prod" }], projects: [{ id: "p-prod", name: "Prod" }], linkedBy: expect.objectContaining({ id: owner.user.id }) }),
    ]);
    expect(links.canManageGroups).toBe(true);
    const seenByColleague = await colleague.caller.telegram.links();
    expect(seenByColleague.privateChats).toHaveLength(1);
    expect(seenByColleague.canManageGroups).toBe(false);
  });

  it("unlinks own chats; someone else's private chat or another org's chat is NOT_FOUND; groups need an admin", async () => {
    const owner = await createUserWithOrganization();
    const member = await addMember(owner.organization.id, "member");
    const other = await createUserWithOrganization();
    const ownersChat = await createLinkedChat({ organizationId: owner.organization.id, userId: owner.user.id });
    const membersChat = await createLinkedChat({ organizationId: owner.organization.id, userId: member.user.id });
    const group = await createLinkedChat({ organizationId: owner.organization.id, userId: owner.user.id, kind: "group" });
    const foreignGroup = await createLinkedChat({ organizationId: other.organization.id, userId: other.user.id, kind: "group" });

    await expect(owner.caller.telegram.unlink({ chatId: foreignGroup.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(owner.caller.telegram.unlink({ chatId: membersChat.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(member.caller.telegram.unlink({ chatId: group.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db.telegramChat.count({ where: { id: { in: [foreignGroup.id, membersChat.id, group.id] } } })).toBe(3);

    await member.caller.telegram.unlink({ chatId: membersChat.id });
    await owner.caller.telegram.unlink({ chatId: group.id });
    expect(await db.telegramChat.findMany({ where: { organizationId: owner.organization.id }, select: { id: true } })).toEqual([{ id: ownersChat.id }]);
    const audit = await db.auditLog.findMany({ where: { action: "telegram.unlink", organizationId: owner.organization.id }, orderBy: { createdAt: "asc" } });
    expect(audit.map((row) => [row.actorId, row.targetId])).toEqual([
      [member.user.id, membersChat.id],
      [owner.user.id, group.id],
    ]);
  });

  it("keeps the chats a member linked on the member's timezone when the profile changes", async () => {
    const owner = await createUserWithOrganization();
    const other = await createUserWithOrganization();
    const personal = await createLinkedChat({ organizationId: owner.organization.id, userId: owner.user.id });
    const group = await createLinkedChat({ organizationId: owner.organization.id, userId: owner.user.id, kind: "group" });
    const untouched = await createLinkedChat({ organizationId: other.organization.id, userId: other.user.id });
    await owner.caller.user.updateProfile({ name: "Owner", timezone: "Asia/Vladivostok", currency: "RUB", locale: "ru" });
    const zones = await db.telegramChat.findMany({ where: { id: { in: [personal.id, group.id, untouched.id] } }, select: { id: true, timezone: true } });
    expect(Object.fromEntries(zones.map((chat) => [chat.id, chat.timezone]))).toEqual({ [personal.id]: "Asia/Vladivostok", [group.id]: "Asia/Vladivostok", [untouched.id]: "Europe/Moscow" });
  });
});
