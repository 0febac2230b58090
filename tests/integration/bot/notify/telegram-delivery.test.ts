import { InngestTestEngine } from "@inngest/test";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTelegramApi } from "@/bot/runtime/telegram-api";
import { deliverTelegramMessageFunction } from "@/inngest/functions/notify/deliver-telegram-message";
import { db } from "@/server/db";
import { deliverTelegramInProcess } from "@/server/notify/dispatch-telegram-deliveries";
import { queueTelegramDeliveries } from "@/server/notify/queue-telegram-deliveries";
import type { TelegramAlert } from "@/server/notify/telegram-alert";
import { createUserWithOrganization } from "../../helpers/test-callers";
import { startFakeBotApi, type FakeBotApi } from "../support/fake-bot-api";
import { createLinkedChat } from "../support/linked-chat";
import { setTelegramEnv } from "../support/telegram-env";

describe("telegram deliveries", () => {
  let api: FakeBotApi;
  beforeAll(async () => {
    api = await startFakeBotApi();
  });
  afterAll(async () => {
    await api.close();
  });
  let restoreEnv = () => {};
  beforeEach(() => {
    api.reset();
    restoreEnv = setTelegramEnv({ TELEGRAM_BOT_TOKEN: api.token, TELEGRAM_API_ROOT: api.apiRoot });
  });
  afterEach(() => restoreEnv());

  async function alertFor(overrides: Partial<TelegramAlert> = {}) {
    const { user, organization } = await createUserWithOrganization();
    const chat = await createLinkedChat({ organizationId: organization.id, userId: user.id });
    const alert: TelegramAlert = {
      organizationId: organization.id,
      chatId: chat.id,
      kind: "sync_failed",
      dedupKey: `sync_failed:${chat.id}:run-1`,
      text: "<b>Sync failed</b>: Selectel BU-A",
      button: { text: "Open", url: "http://localhost:3000/ru/connections" },
      ...overrides,
    };
    return { alert, chat };
  }

  it("records each cause once per chat, also when evaluated twice", async () => {
    const { alert, chat } = await alertFor();
    const first = await queueTelegramDeliveries(db, [alert]);
    const second = await queueTelegramDeliveries(db, [alert, { ...alert, dedupKey: `${alert.dedupKey}-other` }]);
    expect(first).toHaveLength(1);
    expect(second).toHaveLength(1);
    expect(second[0]).not.toBe(first[0]);
    expect(await db.telegramDelivery.count({ where: { chatId: chat.id } })).toBe(2);
  });

  it("waits out a 429 for its retry_after, then sends once and records Telegram's message id", async () => {
    const { alert, chat } = await alertFor();
    const [deliveryId] = await queueTelegramDeliveries(db, [alert]);
    api.failNext("sendMessage", { error_code: 429, description: "Too Many Requests: retry after 3", parameters: { retry_after: 3 } });
    const waits: number[] = [];
    await deliverTelegramInProcess([deliveryId!], { sleep: async (ms) => void waits.push(ms) });

    expect(waits).toEqual([3000]);
    const sends = api.callsOf("sendMessage");
    expect(sends).toHaveLength(2);
    expect(sends[1]).toMatchObject({ chat_id: chat.telegramChatId, text: alert.text, parse_mode: "HTML", reply_markup: { inline_keyboard: [[{ text: "Open", url: "http://localhost:3000/ru/connections" }]] } });
    const delivery = await db.telegramDelivery.findUniqueOrThrow({ where: { id: deliveryId } });
    expect(delivery).toMatchObject({ status: "sent", attempts: 2, error: null });
    expect(delivery.telegramMessageId).toBeGreaterThan(1000);
    expect(delivery.sentAt).toBeInstanceOf(Date);

    // Sending it again (a retried step) changes nothing.
    await deliverTelegramInProcess([deliveryId!]);
    expect(api.callsOf("sendMessage")).toHaveLength(2);
  });

  it("fails at once when the bot was blocked, keeping Telegram's reason", async () => {
    const { alert } = await alertFor();
    const [deliveryId] = await queueTelegramDeliveries(db, [alert]);
    api.failNext("sendMessage", { error_code: 403, description: "Forbidden: bot was blocked by the user" });
    await deliverTelegramInProcess([deliveryId!], { sleep: async () => undefined });
    expect(api.callsOf("sendMessage")).toHaveLength(1);
    expect(await db.telegramDelivery.findUniqueOrThrow({ where: { id: deliveryId } })).toMatchObject({ status: "failed", attempts: 1, error: "403: Forbidden: bot was blocked by the user" });
  });

  it("marks a delivery failed after its last attempt", async () => {
    const { alert } = await alertFor();
    const [deliveryId] = await queueTelegramDeliveries(db, [alert]);
    api.failNext("sendMessage", { error_code: 502, description: "Bad Gateway" }, 3);
    await deliverTelegramInProcess([deliveryId!], { attempts: 3, sleep: async () => undefined, api: createTelegramApi({ token: api.token, apiRoot: api.apiRoot }) });
    expect(await db.telegramDelivery.findUniqueOrThrow({ where: { id: deliveryId } })).toMatchObject({ status: "failed", attempts: 3, error: "502: Bad Gateway" });
  });

  it("the Inngest notify function retries a 429 after retry_after and records the send", async () => {
    const { alert } = await alertFor();
    const [deliveryId] = await queueTelegramDeliveries(db, [alert]);
    api.failNext("sendMessage", { error_code: 429, description: "Too Many Requests: retry after 7", parameters: { retry_after: 7 } });
    const engine = () => new InngestTestEngine({ function: deliverTelegramMessageFunction, events: [{ name: "telegram/delivery.requested", data: { deliveryId: deliveryId! } }] });

    const limited = await engine().execute();
    // A RetryAfterError from a step makes Inngest schedule the retry after its retryAfter (the engine serializes it here).
    expect(limited.error).toMatchObject({ name: "RetryAfterError", message: "Telegram rate limit: retry after 7 s" });
    expect(await db.telegramDelivery.findUniqueOrThrow({ where: { id: deliveryId } })).toMatchObject({ status: "pending", attempts: 1 });

    const retried = await engine().execute();
    expect(retried.error).toBeUndefined();
    expect(retried.result).toMatchObject({ status: "sent", alreadySent: false });
    expect(await db.telegramDelivery.findUniqueOrThrow({ where: { id: deliveryId } })).toMatchObject({ status: "sent", attempts: 2 });
  });
});
