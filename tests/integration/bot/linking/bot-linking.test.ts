import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { addMember, createUserWithOrganization } from "../../helpers/test-callers";
import { startFakeBotApi, type FakeBotApi } from "../support/fake-bot-api";
import { botMembershipChanged, groupMessage, privateMessage } from "../support/telegram-updates";
import { createLinkedChat } from "../support/linked-chat";
import { createTestBot } from "../support/test-bot";
import { createConnectionWithProject, issueLinkCode } from "./link-support";

let telegramId = 8_100_000;
const nextTelegramUser = () => (telegramId += 1);
const nextGroup = () => -1_002_000_000_000 - (telegramId += 1);

describe("linking chats from Telegram", () => {
  let api: FakeBotApi;
  beforeAll(async () => {
    api = await startFakeBotApi();
  });
  afterAll(async () => {
    await api.close();
  });
  beforeEach(() => api.reset());

  it("links a private chat to the code's user with /start <code> and greets in the sender's language", async () => {
    const owner = await createUserWithOrganization({ orgName: "Ромашка" });
    const issued = await issueLinkCode(api, { organizationId: owner.organization.id, userId: owner.user.id, purpose: "user" });
    expect(issued.code).toMatch(/^[A-HJKMNP-Z2-9]{10}$/);
    expect(issued.deepLink).toBe(`https://t.me/infrazen_test_bot?start=${issued.code}`);
    expect(issued.expiresAt.getTime() - Date.now()).toBeGreaterThan(9 * 60_000);
    expect(issued.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(10 * 60_000);

    const bot = createTestBot(api);
    const userId = nextTelegramUser();
    await bot.handleUpdate(privateMessage(`/start ${issued.code}`, { userId, firstName: "Ivan" }));

    expect(api.textsTo(userId)).toEqual(["Готово! Чат связан с организацией «Ромашка», я отвечаю с вашими правами.\nСписок команд — /help."]);
    const chat = await db.telegramChat.findUniqueOrThrow({ where: { telegramChatId: String(userId) } });
    expect(chat).toMatchObject({ kind: "private", organizationId: owner.organization.id, userId: owner.user.id, linkedById: owner.user.id, locale: "ru", title: "Ivan", connectionIds: [], projectIds: [] });
    const code = await db.telegramLinkCode.findFirstOrThrow({ where: { userId: owner.user.id } });
    expect(code.usedByChatId).toBe(String(userId));
    expect(code.codeHash).not.toContain(issued.code);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "telegram.link", organizationId: owner.organization.id } });
    expect(audit).toMatchObject({ actorId: owner.user.id, targetId: chat.id });

    await bot.handleUpdate(privateMessage("/start", { userId, languageCode: "en" }));
    // A linked chat keeps the language it was linked in.
    expect(api.textsTo(userId).at(-1)).toBe("Этот чат уже связан с организацией «Ромашка». Список команд — /help.");
  });

  it("welcomes an unlinked chat with how to link, in English for English-speaking senders", async () => {
    const bot = createTestBot(api);
    const userId = nextTelegramUser();
    await bot.handleUpdate(privateMessage("/start", { userId, languageCode: "en" }));
    expect(api.textsTo(userId)).toEqual([
      'Hello! I am the InfraZen bot: I answer questions about your cloud costs and send the alerts that matter.\nTo link this chat to your account, open InfraZen → Settings → Telegram → "Connect Telegram" and follow the link, or send /start <code> here.',
    ]);
  });

  it("refuses an expired code and links nothing", async () => {
    const owner = await createUserWithOrganization();
    const issued = await issueLinkCode(api, { organizationId: owner.organization.id, userId: owner.user.id, purpose: "user", now: new Date(Date.now() - 11 * 60_000) });
    const bot = createTestBot(api);
    const userId = nextTelegramUser();
    await bot.handleUpdate(privateMessage(`/start ${issued.code}`, { userId, languageCode: "en" }));
    expect(api.textsTo(userId)).toEqual(["The code has expired (codes last 10 minutes). Create a new one in InfraZen Settings → Telegram."]);
    expect(await db.telegramChat.count({ where: { telegramChatId: String(userId) } })).toBe(0);
  });

  it("refuses a code the second time, and an unknown code", async () => {
    const owner = await createUserWithOrganization();
    const issued = await issueLinkCode(api, { organizationId: owner.organization.id, userId: owner.user.id, purpose: "user" });
    const bot = createTestBot(api);
    const first = nextTelegramUser();
    const second = nextTelegramUser();
    await bot.handleUpdate(privateMessage(`/start ${issued.code}`, { userId: first }));
    await bot.handleUpdate(privateMessage(`/start ${issued.code.toLowerCase()}`, { userId: second }));
    await bot.handleUpdate(privateMessage("/start NOTACODE99", { userId: second }));
    expect(api.textsTo(second)).toEqual([
      "Этот код уже использован. Создайте новый в Настройках InfraZen → Telegram.",
      "Код не подошёл. Проверьте его или создайте новый в Настройках InfraZen → Telegram.",
    ]);
    expect(await db.telegramChat.count({ where: { telegramChatId: String(second) } })).toBe(0);
    expect(await db.telegramChat.count({ where: { telegramChatId: String(first) } })).toBe(1);
  });

  it("spends a code once when two chats send it at the same moment", async () => {
    const owner = await createUserWithOrganization();
    const issued = await issueLinkCode(api, { organizationId: owner.organization.id, userId: owner.user.id, purpose: "user" });
    const bot = createTestBot(api);
    const racers = [nextTelegramUser(), nextTelegramUser(), nextTelegramUser()];
    await Promise.all(racers.map((userId) => bot.handleUpdate(privateMessage(`/start ${issued.code}`, { userId }))));
    expect(await db.telegramChat.count({ where: { telegramChatId: { in: racers.map(String) } } })).toBe(1);
    const refusals = racers.flatMap((userId) => api.textsTo(userId)).filter((text) => text.startsWith("Этот код уже использован"));
    expect(refusals).toHaveLength(2);
  });

  it("refuses a user code in a group and a group code in a private chat, leaving both codes usable", async () => {
    const owner = await createUserWithOrganization({ orgName: "Acme" });
    const userCode = await issueLinkCode(api, { organizationId: owner.organization.id, userId: owner.user.id, purpose: "user" });
    const groupCode = await issueLinkCode(api, { organizationId: owner.organization.id, userId: owner.user.id, purpose: "group" });
    expect(groupCode).toMatchObject({ deepLink: null, command: `/link ${groupCode.code}` });
    const bot = createTestBot(api);
    const groupId = nextGroup();
    const userId = nextTelegramUser();
    api.setChatMemberStatus(groupId, userId, "creator");

    await bot.handleUpdate(groupMessage(`/link ${userCode.code}`, { chatId: groupId }, { userId, languageCode: "en" }));
    await bot.handleUpdate(privateMessage(`/start ${groupCode.code}`, { userId, languageCode: "en" }));
    expect(api.textsTo(groupId)).toEqual([
      "This code is for a private chat: open the link from Settings or send /start <code> to the bot in a private message. An organization admin creates a separate code for a group.",
    ]);
    expect(api.textsTo(userId)).toEqual(["This code is for a group chat: add the bot to the group and send /link <code> there."]);
    expect(await db.telegramChat.count({ where: { organizationId: owner.organization.id } })).toBe(0);

    await bot.handleUpdate(privateMessage(`/start ${userCode.code}`, { userId, languageCode: "en" }));
    expect(api.textsTo(userId).at(-1)).toBe('Done! This chat is linked to the organization "Acme" and I answer with your permissions.\nCommands: /help.');
  });

  it("links a group with the code's filters, acting as the admin who created the code", async () => {
    const owner = await createUserWithOrganization({ orgName: "Acme" });
    const admin = await addMember(owner.organization.id, "admin");
    const prod = await createConnectionWithProject(owner.organization.id, "Selectel prod", { id: "proj-a", name: "Платформа" });
    await createConnectionWithProject(owner.organization.id, "Selectel dev", { id: "proj-b", name: "Dev" });
    const issued = await issueLinkCode(api, { organizationId: owner.organization.id, userId: admin.user.id, role: "admin", purpose: "group", connectionIds: [prod.id], projectIds: ["proj-a"] });

    const bot = createTestBot(api);
    const groupId = nextGroup();
    const groupAdmin = nextTelegramUser();
    api.setChatMemberStatus(groupId, groupAdmin, "administrator");
    await bot.handleUpdate(groupMessage(`/link ${issued.code}`, { chatId: groupId, title: "FinOps team" }, { userId: groupAdmin }));

    expect(api.textsTo(groupId)).toEqual(["Группа связана с организацией «Acme». Список команд — /help.\nЗдесь видны только подключения: Selectel prod; проекты: Платформа."]);
    const chat = await db.telegramChat.findUniqueOrThrow({ where: { telegramChatId: String(groupId) } });
    expect(chat).toMatchObject({ kind: "group", title: "FinOps team", organizationId: owner.organization.id, userId: null, linkedById: admin.user.id, connectionIds: [prod.id], projectIds: ["proj-a"] });
  });

  it("relinking a group moves it to the new code's organization and filters", async () => {
    const first = await createUserWithOrganization({ orgName: "First" });
    const second = await createUserWithOrganization({ orgName: "Second" });
    const connection = await createConnectionWithProject(first.organization.id, "First cloud", { id: "p1", name: "P1" });
    const bot = createTestBot(api);
    const groupId = nextGroup();
    const sender = { userId: nextTelegramUser() };
    api.setChatMemberStatus(groupId, sender.userId, "administrator");
    const firstCode = await issueLinkCode(api, { organizationId: first.organization.id, userId: first.user.id, purpose: "group", connectionIds: [connection.id] });
    await bot.handleUpdate(groupMessage(`/link ${firstCode.code}`, { chatId: groupId }, sender));
    const secondCode = await issueLinkCode(api, { organizationId: second.organization.id, userId: second.user.id, purpose: "group" });
    await bot.handleUpdate(groupMessage(`/link ${secondCode.code}`, { chatId: groupId }, sender));

    expect(api.textsTo(groupId).at(-1)).toBe("Группа связана с организацией «Second». Список команд — /help.\nЗдесь видны все подключения и проекты организации.");
    const chat = await db.telegramChat.findUniqueOrThrow({ where: { telegramChatId: String(groupId) } });
    expect(chat).toMatchObject({ organizationId: second.organization.id, linkedById: second.user.id, connectionIds: [], projectIds: [] });
    expect(await db.auditLog.count({ where: { action: "telegram.unlink", organizationId: first.organization.id } })).toBe(1);
  });

  it("refuses a code whose creator has left the organization", async () => {
    const owner = await createUserWithOrganization();
    const member = await addMember(owner.organization.id, "member");
    const issued = await issueLinkCode(api, { organizationId: owner.organization.id, userId: member.user.id, role: "member", purpose: "user" });
    await db.membership.delete({ where: { id: member.membership.id } });
    const bot = createTestBot(api);
    const userId = nextTelegramUser();
    await bot.handleUpdate(privateMessage(`/start ${issued.code}`, { userId, languageCode: "en" }));
    expect(api.textsTo(userId)).toEqual(["The code belongs to someone who no longer has access to the organization or the right to do this. Create a new code."]);
    expect(await db.telegramChat.count({ where: { telegramChatId: String(userId) } })).toBe(0);
  });

  it("answers /link without a code and /link in a private chat with what to do instead", async () => {
    const bot = createTestBot(api);
    const groupId = nextGroup();
    const userId = nextTelegramUser();
    await bot.handleUpdate(groupMessage("/link", { chatId: groupId }, { userId, languageCode: "en" }));
    await bot.handleUpdate(privateMessage("/link ABCDEFGH", { userId, languageCode: "en" }));
    expect(api.textsTo(groupId)).toEqual(["Send the command with a code: /link <code>. An organization admin creates the code in InfraZen Settings → Telegram."]);
    expect(api.textsTo(userId)).toEqual(['/link is for group chats. A private chat is linked with the link from InfraZen Settings → "Connect Telegram" or with /start <code>.']);
  });

  it("lets only the group's Telegram admins /link it, leaving the code usable", async () => {
    const owner = await createUserWithOrganization({ orgName: "Acme" });
    const issued = await issueLinkCode(api, { organizationId: owner.organization.id, userId: owner.user.id, purpose: "group" });
    const bot = createTestBot(api);
    const groupId = nextGroup();
    const member = nextTelegramUser();
    await bot.handleUpdate(groupMessage(`/link ${issued.code}`, { chatId: groupId }, { userId: member, languageCode: "en" }));
    expect(api.textsTo(groupId)).toEqual(["Only the group's Telegram admins can link it to an organization."]);
    expect(await db.telegramChat.count({ where: { telegramChatId: String(groupId) } })).toBe(0);

    api.setChatMemberStatus(groupId, member, "administrator");
    await bot.handleUpdate(groupMessage(`/link ${issued.code}`, { chatId: groupId }, { userId: member, languageCode: "en" }));
    expect(await db.telegramChat.count({ where: { telegramChatId: String(groupId), organizationId: owner.organization.id } })).toBe(1);
  });

  it("lets only the group's Telegram admins /unlink it", async () => {
    const owner = await createUserWithOrganization();
    const issued = await issueLinkCode(api, { organizationId: owner.organization.id, userId: owner.user.id, purpose: "group" });
    const bot = createTestBot(api);
    const groupId = nextGroup();
    const member = nextTelegramUser();
    const groupAdmin = nextTelegramUser();
    api.setChatMemberStatus(groupId, groupAdmin, "administrator");
    await bot.handleUpdate(groupMessage(`/link ${issued.code}`, { chatId: groupId }, { userId: groupAdmin }));

    await bot.handleUpdate(groupMessage("/unlink", { chatId: groupId }, { userId: member }));
    expect(api.textsTo(groupId).at(-1)).toBe("Отвязать группу могут только её администраторы в Telegram (или администратор организации — в Настройках InfraZen).");
    expect(await db.telegramChat.count({ where: { telegramChatId: String(groupId) } })).toBe(1);
    expect(api.callsOf("getChatMember")).toEqual([expect.objectContaining({ chat_id: groupId, user_id: groupAdmin }), expect.objectContaining({ chat_id: groupId, user_id: member })]);

    await bot.handleUpdate(groupMessage("/unlink", { chatId: groupId }, { userId: groupAdmin }));
    expect(api.textsTo(groupId).at(-1)).toBe("Группа отвязана от InfraZen: здесь больше не будет ответов о затратах и оповещений. Связать снова — /link <код>.");
    expect(await db.telegramChat.count({ where: { telegramChatId: String(groupId) } })).toBe(0);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "telegram.unlink", organizationId: owner.organization.id } });
    expect(audit.metadata).toMatchObject({ via: "telegram", telegramUserId: groupAdmin, kind: "group" });

    await bot.handleUpdate(groupMessage("/unlink", { chatId: groupId }, { userId: groupAdmin }));
    expect(api.textsTo(groupId).at(-1)).toBe("Этот чат не связан с InfraZen.");
  });

  it("unlinks a private chat with /unlink", async () => {
    const owner = await createUserWithOrganization();
    const issued = await issueLinkCode(api, { organizationId: owner.organization.id, userId: owner.user.id, purpose: "user" });
    const bot = createTestBot(api);
    const userId = nextTelegramUser();
    await bot.handleUpdate(privateMessage(`/start ${issued.code}`, { userId, languageCode: "en" }));
    await bot.handleUpdate(privateMessage("/unlink", { userId, languageCode: "en" }));
    expect(api.textsTo(userId).at(-1)).toBe('This chat is unlinked from InfraZen. To link it again, use the link from InfraZen Settings → "Connect Telegram".');
    expect(await db.telegramChat.count({ where: { telegramChatId: String(userId) } })).toBe(0);
  });

  it("forgets a chat that removed or blocked the bot, with an audit row", async () => {
    const owner = await createUserWithOrganization();
    const group = await createLinkedChat({ organizationId: owner.organization.id, userId: owner.user.id, kind: "group" });
    const personal = await createLinkedChat({ organizationId: owner.organization.id, userId: owner.user.id });
    const bot = createTestBot(api);

    await bot.handleUpdate(botMembershipChanged(Number(group.telegramChatId), "member", { userId: 501 }));
    expect(await db.telegramChat.count({ where: { id: group.id } })).toBe(1);
    await bot.handleUpdate(botMembershipChanged(Number(group.telegramChatId), "left", { userId: 501 }));
    await bot.handleUpdate(botMembershipChanged(Number(personal.telegramChatId), "kicked", { userId: Number(personal.telegramChatId) }));

    expect(await db.telegramChat.count({ where: { id: { in: [group.id, personal.id] } } })).toBe(0);
    const audits = await db.auditLog.findMany({ where: { action: "telegram.unlink", organizationId: owner.organization.id }, orderBy: { createdAt: "asc" } });
    expect(audits.map((row) => (row.metadata as { reason: string }).reason)).toEqual(["bot_left", "bot_blocked_or_removed"]);
    expect(api.calls).toHaveLength(0);
  });
});
