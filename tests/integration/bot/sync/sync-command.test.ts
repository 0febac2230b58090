import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { formatMoney } from "@/app/_i18n/format";
import { watchSyncProgressInProcess } from "@/bot/sync-progress/start-sync-progress-watch";
import { createTelegramApi } from "@/bot/runtime/telegram-api";
import { db } from "@/server/db";
import { selectelSeedScenario } from "@/server/sandbox/scenarios/selectel-seed";
import { queueConnectionSync, requestConnectionSync } from "@/server/services/sync/request-connection-sync";
import { watchSyncProgressFunction } from "@/inngest/functions/telegram/watch-sync-progress";
import { InngestTestEngine } from "@inngest/test";
import { SYSTEM_IDENTITY } from "@/server/services/audit/record-audit-event";
import { addMember } from "../../helpers/test-callers";
import { createSelectelConnection, startSelectel } from "../../inngest/inngest-harness";
import { startFakeBotApi, type FakeBotApi } from "../support/fake-bot-api";
import { createLinkedChat } from "../support/linked-chat";
import { setTelegramEnv } from "../support/telegram-env";
import { callbackQuery, groupMessage, privateMessage } from "../support/telegram-updates";
import { createTestBot } from "../support/test-bot";

const PHASE_LINES = ["Биллинг и аккаунт", "Группировка по типам", "Серверы из инвентаря", "Диски", "Файловые хранилища", "Другие сервисы", "Объединение", "Сохранение", "Загрузка CPU и памяти"];

describe("/sync", () => {
  let api: FakeBotApi;
  beforeAll(async () => {
    api = await startFakeBotApi();
  });
  afterAll(async () => {
    await api.close();
  });
  afterEach(() => api.reset());

  /** An org with a Selectel connection against the sandbox, and the owner's private chat linked to it. */
  async function linkedOwnerWithConnection(latencyMs = 0, name = "Selectel BU-A") {
    const { config } = await startSelectel(selectelSeedScenario, { latencyMs });
    const connection = await createSelectelConnection(selectelSeedScenario, config.endpoints, config.credentials, name);
    const owner = await db.membership.findFirstOrThrow({ where: { organizationId: connection.organizationId, role: "owner" } });
    const chat = await createLinkedChat({ organizationId: connection.organizationId, userId: owner.userId });
    return { connection, chat, ownerId: owner.userId };
  }

  it("starts the sync and edits one message until it reports the outcome", async () => {
    const { chat, connection } = await linkedOwnerWithConnection();
    const bot = createTestBot(api);
    await bot.handleUpdate(privateMessage("/sync", { userId: Number(chat.telegramChatId) }));

    const [first] = api.callsOf("sendMessage");
    expect(first!.text).toBe(["🔄 Синхронизация «Selectel BU-A»", "В очереди…", ...PHASE_LINES.map((phase) => `▫️ ${phase}`)].join("\n"));
    await vi.waitFor(() => expect(api.textsTo(chat.telegramChatId).at(-1)).toMatch(/^✅ Синхронизация «Selectel BU-A» завершена за [\d,]+ с\n/), { timeout: 20_000, interval: 200 });

    const run = await db.syncRun.findFirstOrThrow({ where: { connectionId: connection.id } });
    expect(run.status).toBe("success");
    // Every edit targets the first message; nothing else was sent.
    expect(api.callsOf("sendMessage")).toHaveLength(1);
    const edits = api.callsOf("editMessageText");
    const sentId = (api.calls.find((call) => call.method === "sendMessage")!.result as { message_id: number }).message_id;
    expect(edits.length).toBeGreaterThan(0);
    expect(edits.every((edit) => Number(edit.message_id) === sentId)).toBe(true);
    const final = String(edits.at(-1)!.text).split("\n");
    expect(final[1]).toBe(`Новых ${run.resourcesCreated}, изменено 0, удалено 0, без изменений 0`);
    expect(final[2]).toBe(`Затраты в месяц: ${formatMoney(run.monthlyCostTotal!.toFixed(2), "RUB", "ru")}`);
  });

  it("shows the phases one after another while a slow sync runs", async () => {
    const { chat, connection } = await linkedOwnerWithConnection(40);
    const { syncRunId, alreadyRunning } = await requestConnectionSync(db, SYSTEM_IDENTITY, { organizationId: connection.organizationId, connectionId: connection.id, trigger: "manual" });
    expect(alreadyRunning).toBe(false);
    const telegram = createTelegramApi({ token: api.token, apiRoot: api.apiRoot });
    const final = await watchSyncProgressInProcess(telegram, { syncRunId, organizationId: connection.organizationId, connectionName: "Selectel BU-A", telegramChatId: chat.telegramChatId, messageId: 77, locale: "en" }, { pollMs: 20 });

    expect(final).toMatch(/^✅ Sync of "Selectel BU-A" finished in [\d.]+ s\n/);
    const texts = api.callsOf("editMessageText").map((edit) => String(edit.text));
    expect(api.callsOf("editMessageText").every((edit) => Number(edit.message_id) === 77)).toBe(true);
    // The billing phase was seen running, then done while a later phase ran: the message followed the run.
    expect(texts.some((text) => text.includes("⏳ Billing and account"))).toBe(true);
    expect(texts.some((text) => text.includes("✅ Billing and account") && /⏳ (Group by type|Servers from inventory|Volumes|File storage|Other services|Unification|Saving)/.test(text))).toBe(true);
    // No two consecutive edits carry the same text (Telegram refuses those).
    expect(texts.every((text, index) => index === 0 || text !== texts[index - 1])).toBe(true);
  });

  it("the Inngest watch edits the message to the outcome of a finished run and stops", async () => {
    const { chat, connection } = await linkedOwnerWithConnection();
    const { syncRunId, done } = await queueConnectionSync(db, SYSTEM_IDENTITY, { organizationId: connection.organizationId, connectionId: connection.id, trigger: "manual" });
    await done;
    const restoreEnv = setTelegramEnv({ TELEGRAM_BOT_TOKEN: api.token, TELEGRAM_API_ROOT: api.apiRoot });
    try {
      const data = { syncRunId, organizationId: connection.organizationId, connectionName: "Selectel BU-A", telegramChatId: chat.telegramChatId, messageId: 55, locale: "ru" };
      const { result, error } = await new InngestTestEngine({ function: watchSyncProgressFunction, events: [{ name: "telegram/sync-progress.requested", data }] }).execute();
      expect(error).toBeUndefined();
      expect(result).toEqual({ polls: 1, finished: true });
      const [edit] = api.callsOf("editMessageText");
      expect(edit).toMatchObject({ chat_id: chat.telegramChatId, message_id: 55, text: expect.stringMatching(/^✅ Синхронизация «Selectel BU-A» завершена/) });
    } finally {
      restoreEnv();
    }
  });

  it("offers a keyboard when the chat has several connections, and checks the pressed one", async () => {
    const { chat, connection } = await linkedOwnerWithConnection(0, "Prod");
    const other = await db.cloudConnection.create({ data: { organizationId: connection.organizationId, providerId: "selectel", name: "Stage", encryptedCredentials: connection.encryptedCredentials, credentialsKeyId: connection.credentialsKeyId, endpointOverrides: connection.endpointOverrides ?? {} } });
    const bot = createTestBot(api);
    await bot.handleUpdate(privateMessage("/sync", { userId: Number(chat.telegramChatId), languageCode: "en" }));
    const [picker] = api.callsOf("sendMessage");
    expect(picker!.text).toBe("Какое подключение синхронизировать?");
    expect(picker!.reply_markup).toEqual({ inline_keyboard: [[{ text: "Prod", callback_data: `sync:${connection.id}` }], [{ text: "Stage", callback_data: `sync:${other.id}` }]] });

    // A forged button with another organization's connection starts nothing.
    const foreign = await linkedOwnerWithConnection(0, "Foreign");
    await bot.handleUpdate(callbackQuery(`sync:${foreign.connection.id}`, { chatId: Number(chat.telegramChatId), messageId: 1001 }, { userId: Number(chat.telegramChatId) }));
    expect(await db.syncRun.count({ where: { connectionId: foreign.connection.id } })).toBe(0);
    expect(api.textsTo(chat.telegramChatId).at(-1)).toBe("В этом чате нет подключений для синхронизации.");

    await bot.handleUpdate(callbackQuery(`sync:${connection.id}`, { chatId: Number(chat.telegramChatId), messageId: 1001 }, { userId: Number(chat.telegramChatId) }));
    expect(api.callsOf("editMessageText")[0]).toMatchObject({ message_id: 1001, text: expect.stringContaining("🔄 Синхронизация «Prod»") });
    await vi.waitFor(() => expect(api.textsTo(chat.telegramChatId).at(-1)).toMatch(/^✅ Синхронизация «Prod» завершена/), { timeout: 20_000, interval: 200 });
  });

  it("refuses members who may not start syncs, and groups limited to other connections", async () => {
    const { connection } = await linkedOwnerWithConnection(0, "Prod");
    const viewer = await addMember(connection.organizationId, "viewer");
    const viewerChat = await createLinkedChat({ organizationId: connection.organizationId, userId: viewer.user.id, locale: "en" });
    const bot = createTestBot(api);
    await bot.handleUpdate(privateMessage("/sync Prod", { userId: Number(viewerChat.telegramChatId) }));
    expect(api.textsTo(viewerChat.telegramChatId)).toEqual(["Only the organization's owner and admins can start a sync."]);

    const owner = await db.membership.findFirstOrThrow({ where: { organizationId: connection.organizationId, role: "owner" } });
    const group = await createLinkedChat({ organizationId: connection.organizationId, userId: owner.userId, kind: "group", connectionIds: ["some-other-connection"], locale: "en" });
    await bot.handleUpdate(groupMessage("/sync Prod", { chatId: Number(group.telegramChatId) }, { userId: 42 }));
    expect(api.textsTo(group.telegramChatId)).toEqual(["This chat has no connections to sync."]);
    expect(await db.syncRun.count({ where: { connectionId: connection.id } })).toBe(0);
  });

  it("in a group only the chat's Telegram admins start a sync (it runs with the linking admin's rights)", async () => {
    const { connection, ownerId } = await linkedOwnerWithConnection(0, "Prod");
    const group = await createLinkedChat({ organizationId: connection.organizationId, userId: ownerId, kind: "group", locale: "en" });
    const groupId = Number(group.telegramChatId);
    const bot = createTestBot(api);
    await bot.handleUpdate(groupMessage("/sync Prod", { chatId: groupId }, { userId: 4201 }));
    expect(api.textsTo(groupId)).toEqual(["In a group only the chat's admins can start a sync."]);
    expect(await db.syncRun.count({ where: { connectionId: connection.id } })).toBe(0);

    api.setChatMemberStatus(groupId, 4202, "administrator");
    await bot.handleUpdate(groupMessage("/sync Prod", { chatId: groupId }, { userId: 4202 }));
    await vi.waitFor(() => expect(api.textsTo(groupId).at(-1)).toMatch(/^✅ Sync of "Prod" finished/), { timeout: 20_000, interval: 200 });
  });
});
