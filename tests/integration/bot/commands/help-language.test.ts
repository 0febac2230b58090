import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/server/db";
import { truncateAllTables } from "../../setup/worker-database";
import { startFakeBotApi, type FakeBotApi } from "../support/fake-bot-api";
import { callbackQuery, groupMessage, privateMessage } from "../support/telegram-updates";
import { createTestBot } from "../support/test-bot";
import { linkedChatId, pinNow, plain, seedCommandOrganizations } from "./command-fixtures";

let api: FakeBotApi;
let data: Awaited<ReturnType<typeof seedCommandOrganizations>>;

beforeAll(async () => {
  await truncateAllTables();
  api = await startFakeBotApi();
  data = await seedCommandOrganizations();
});
afterAll(() => api.close());
beforeEach(() => {
  api.reset();
  pinNow();
});
afterEach(() => vi.useRealTimers());

const COMMANDS_RU = [
  "/cost [today|week|month] [подключение] — расходы за период, изменение к прошлому периоду и топ сервисов",
  "/top [n] — самые дорогие ресурсы за 30 дней (10 по умолчанию, не больше 25)",
  "/forecast — прогноз расходов на конец месяца",
  "/balance — балансы и дни до приостановки по подключениям",
  "/zombies — зомби и сироты с их стоимостью в месяц",
  "/sync [подключение] — запустить синхронизацию и следить за её ходом",
  "/alerts — какие уведомления присылать в этот чат",
  "/lang — язык ответов: русский или English",
  "/help — эта справка",
];

describe("/help", () => {
  it("lists every command and explains linking from a private chat, even before linking", async () => {
    await createTestBot(api).handleUpdate(privateMessage("/help", { userId: 8100001 }));
    const [reply] = api.callsOf("sendMessage");
    expect(reply).toMatchObject({ parse_mode: "HTML" });
    expect(reply!.text).toBe(
      [
        "<b>InfraZen в Telegram</b>",
        ...COMMANDS_RU,
        "",
        "Ответы считаются с вашими правами в организации.",
        "Связать чат: Настройки → «Подключить Telegram» или /start &lt;код&gt;. /unlink — отвязать этот чат.",
      ].join("\n"),
    );
  });

  it("words linking for a group, in English for an English sender of an unlinked group", async () => {
    await createTestBot(api).handleUpdate(groupMessage("/help@infrazen_test_bot", { chatId: -100810 }, { userId: 8100002, languageCode: "en" }));
    const lines = String(api.callsOf("sendMessage")[0]!.text).split("\n");
    expect(lines[0]).toBe("<b>InfraZen on Telegram</b>");
    expect(lines).toContain("/sync [connection] — start a sync and follow its progress");
    expect(lines.slice(-3)).toEqual([
      "This group sees only the connections and projects chosen when it was linked; every member sees the answers.",
      "/link &lt;code&gt; — link the group to an organization (an admin creates the code in Settings → Telegram).",
      "/unlink — unlink the group.",
    ]);
  });
});

describe("/lang", () => {
  it("offers both languages, stores the choice of a linked chat and answers in it from then on", async () => {
    const chatId = await linkedChatId({ kind: "private", organizationId: data.a.organizationId, userId: data.a.user.id });
    const send = (text: string) => createTestBot(api).handleUpdate(privateMessage(text, { userId: chatId }));
    await send("/lang");
    expect(api.callsOf("sendMessage")[0]).toMatchObject({
      text: "Выберите язык ответов / Choose the reply language:",
      reply_markup: { inline_keyboard: [[{ text: "Русский", callback_data: "lang:ru" }, { text: "English", callback_data: "lang:en" }]] },
    });

    api.reset();
    await createTestBot(api).handleUpdate(callbackQuery("lang:en", { chatId, messageId: 55 }, { userId: chatId }));
    expect(api.callsOf("editMessageText")).toEqual([expect.objectContaining({ chat_id: chatId, message_id: 55, text: "Done: the bot now answers in English in this chat." })]);
    expect(api.callsOf("answerCallbackQuery")).toHaveLength(1);
    expect((await db.telegramChat.findUniqueOrThrow({ where: { telegramChatId: String(chatId) } })).locale).toBe("en");

    api.reset();
    await send("/balance");
    expect(plain(String(api.callsOf("sendMessage")[0]!.text))).toBe(
      ["<b>Balances</b>", `Selectel "main", prod (Selectel): RUB 1,500.50 — 42 days until suspension`, "OpenStack lab (OpenStack): no balance information"].join("\n"),
    );

    api.reset();
    await send("/lang ru");
    expect(api.callsOf("sendMessage")[0]).toMatchObject({ text: "Готово: бот отвечает в этом чате по-русски." });
    expect((await db.telegramChat.findUniqueOrThrow({ where: { telegramChatId: String(chatId) } })).locale).toBe("ru");
  });

  it("answers an unlinked chat in the chosen language without storing anything", async () => {
    const before = await db.telegramChat.count();
    await createTestBot(api).handleUpdate(callbackQuery("lang:en", { chatId: 8100003, messageId: 9 }, { userId: 8100003 }));
    expect(api.callsOf("editMessageText")[0]).toMatchObject({
      text: "OK, answering in English. This chat is not linked to InfraZen, so the choice is not kept: link the chat and it will be remembered.",
    });
    expect(await db.telegramChat.count()).toBe(before);
  });

  it("ignores forged language buttons", async () => {
    const chatId = await linkedChatId({ kind: "private", organizationId: data.a.organizationId, userId: data.a.user.id });
    await createTestBot(api).handleUpdate(callbackQuery("lang:de", { chatId, messageId: 10 }, { userId: chatId }));
    expect(api.callsOf("editMessageText")).toEqual([]);
    expect(api.callsOf("answerCallbackQuery")[0]).toMatchObject({ text: "Кнопка устарела — отправьте /lang ещё раз." });
    expect((await db.telegramChat.findUniqueOrThrow({ where: { telegramChatId: String(chatId) } })).locale).toBe("ru");
  });

  it("lets only a group's Telegram admins change its language", async () => {
    const groupId = await linkedChatId({ kind: "group", organizationId: data.a.organizationId, userId: data.a.user.id });
    const bot = createTestBot(api);
    await bot.handleUpdate(groupMessage("/lang en", { chatId: groupId }, { userId: 8100101 }));
    expect(api.textsTo(groupId)).toEqual(["Язык группы меняют только администраторы чата."]);
    expect((await db.telegramChat.findUniqueOrThrow({ where: { telegramChatId: String(groupId) } })).locale).toBe("ru");

    api.setChatMemberStatus(groupId, 8100102, "administrator");
    await bot.handleUpdate(groupMessage("/lang en", { chatId: groupId }, { userId: 8100102 }));
    expect((await db.telegramChat.findUniqueOrThrow({ where: { telegramChatId: String(groupId) } })).locale).toBe("en");
  });
});
