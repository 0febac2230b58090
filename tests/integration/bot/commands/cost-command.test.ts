import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/server/db";
import { SELECTEL_NAME } from "../../costs/cost-fixtures";
import { truncateAllTables } from "../../setup/worker-database";
import { startFakeBotApi, type FakeBotApi } from "../support/fake-bot-api";
import { callbackQuery, privateMessage } from "../support/telegram-updates";
import { createTestBot } from "../support/test-bot";
import { linkedChatId, pinNow, plain, seedCommandOrganizations } from "./command-fixtures";

let api: FakeBotApi;
let data: Awaited<ReturnType<typeof seedCommandOrganizations>>;
let chatId: number;

beforeAll(async () => {
  await truncateAllTables();
  api = await startFakeBotApi();
  data = await seedCommandOrganizations();
  chatId = await linkedChatId({ kind: "private", organizationId: data.a.organizationId, userId: data.a.user.id });
});
afterAll(() => api.close());
beforeEach(() => {
  api.reset();
  pinNow();
});
afterEach(() => vi.useRealTimers());

async function send(text: string): Promise<Record<string, unknown> & { text: string }> {
  await createTestBot(api).handleUpdate(privateMessage(text, { userId: chatId }));
  const replies = api.callsOf("sendMessage");
  expect(replies).toHaveLength(1);
  return { ...replies[0]!, text: plain(String(replies[0]!.text)) };
}

async function press(data: string): Promise<{ edit: (Record<string, unknown> & { text: string }) | undefined; answer: Record<string, unknown> | undefined }> {
  await createTestBot(api).handleUpdate(callbackQuery(data, { chatId, messageId: 777 }, { userId: chatId }));
  const [edit] = api.callsOf("editMessageText");
  return { edit: edit && { ...edit, text: plain(String(edit.text)) }, answer: api.callsOf("answerCallbackQuery")[0] };
}

const MONTH_ALL = [
  "<b>Расходы за месяц</b> · все подключения",
  "1–15 окт. 2025 г.: <b>230,04 ₽</b>",
  "Сравнить не с чем: за те же дни в начале прошлого месяца (1–15 сент. 2025 г.) расходов не было.",
  "",
  "Топ сервисов:",
  "1. Compute — 160,00 ₽",
  "2. Storage — 15,03 ₽",
  "3. S10 — 10,00 ₽",
  "4. S09 — 9,00 ₽",
  "5. S08 — 8,00 ₽",
].join("\n");

const WEEK_ALL = [
  "<b>Расходы за 7 дней</b> · все подключения",
  "9–15 окт. 2025 г.: <b>160,04 ₽</b>",
  "▲ +128,6 % к предыдущим 7 дням (2–8 окт. 2025 г.: 70,00 ₽)",
  "",
  "Топ сервисов:",
  "1. Compute — 90,00 ₽",
  "2. Storage — 15,03 ₽",
  "3. S10 — 10,00 ₽",
  "4. S09 — 9,00 ₽",
  "5. S08 — 8,00 ₽",
].join("\n");

describe("/cost", () => {
  it("answers the month to date with the comparison it makes, the top 5 services and buttons for period and connection", async () => {
    const reply = await send("/cost");
    expect(reply.text).toBe(MONTH_ALL);
    expect(reply.parse_mode).toBe("HTML");
    const { openstack, selectel } = data.a;
    expect(reply.reply_markup).toEqual({
      inline_keyboard: [
        [{ text: "Сегодня", callback_data: "cost:today:all" }, { text: "7 дней", callback_data: "cost:week:all" }, { text: "• Месяц", callback_data: "cost:month:all" }],
        [{ text: "• Все подключения", callback_data: "cost:month:all" }, { text: "OpenStack lab", callback_data: `cost:month:${openstack.id}` }],
        [{ text: SELECTEL_NAME, callback_data: `cost:month:${selectel.id}` }],
      ],
    });
  });

  it("compares the last 7 days with the 7 before", async () => {
    const reply = await send("/cost week");
    expect(reply.text).toBe(WEEK_ALL);
    expect(reply.reply_markup).toBeUndefined();
  });

  it("takes a connection name in any case, alone or with a period before or after it", async () => {
    expect((await send("/cost today openstack LAB")).text).toBe(
      ["<b>Расходы за сегодня</b> · OpenStack lab", "15 окт. 2025 г.: <b>5,00 ₽</b>", "→ 0,0 % ко вчерашнему дню (14 окт. 2025 г.: 5,00 ₽)", "", "Топ сервисов:", "1. Compute — 5,00 ₽"].join("\n"),
    );
    api.reset();
    // A unique part of a name is enough; names are HTML-escaped (the quotes stay as they are).
    expect((await send("/cost selectel month")).text).toBe(
      [
        `<b>Расходы за месяц</b> · ${SELECTEL_NAME}`,
        "1–15 окт. 2025 г.: <b>200,04 ₽</b>",
        "Сравнить не с чем: за те же дни в начале прошлого месяца (1–15 сент. 2025 г.) расходов не было.",
        "",
        "Топ сервисов:",
        "1. Compute — 130,00 ₽",
        "2. Storage — 15,03 ₽",
        "3. S10 — 10,00 ₽",
        "4. S09 — 9,00 ₽",
        "5. S08 — 8,00 ₽",
      ].join("\n"),
    );
  });

  it("takes today in the timezone of the user the chat acts as", async () => {
    vi.setSystemTime(new Date("2025-10-15T20:30:00Z"));
    await db.user.update({ where: { id: data.a.user.id }, data: { timezone: "Asia/Vladivostok" } });
    try {
      // Already Oct 16 in Vladivostok: nothing billed yet, against Oct 15's 17.505.
      expect((await send("/cost today")).text.split("\n").slice(0, 3)).toEqual(["<b>Расходы за сегодня</b> · все подключения", "16 окт. 2025 г.: <b>0,00 ₽</b>", "▼ -100,0 % ко вчерашнему дню (15 окт. 2025 г.: 17,51 ₽)"]);
    } finally {
      await db.user.update({ where: { id: data.a.user.id }, data: { timezone: "Europe/Moscow" } });
    }
  });

  it("names the chat's connections when the one asked for does not exist", async () => {
    expect((await send("/cost Beta cloud")).text).toBe(`Не нашлось одного подключения по запросу «Beta cloud». Доступны: OpenStack lab, ${SELECTEL_NAME}.`);
  });
});

describe("/cost buttons", () => {
  it("edit the same message with the new period and connection", async () => {
    const week = await press("cost:week:all");
    expect(week.edit).toMatchObject({ chat_id: chatId, message_id: 777, text: WEEK_ALL, parse_mode: "HTML" });
    const markup = week.edit!.reply_markup as { inline_keyboard: { text: string; callback_data: string }[][] };
    expect(markup.inline_keyboard[0]!.map((button) => button.text)).toEqual(["Сегодня", "• 7 дней", "Месяц"]);
    expect(markup.inline_keyboard[1]![1]).toEqual({ text: "OpenStack lab", callback_data: `cost:week:${data.a.openstack.id}` });
    expect(week.answer).toBeDefined();

    api.reset();
    const openstack = await press(`cost:week:${data.a.openstack.id}`);
    expect(openstack.edit!.text).toBe(
      ["<b>Расходы за 7 дней</b> · OpenStack lab", "9–15 окт. 2025 г.: <b>30,00 ₽</b>", "Сравнить не с чем: за предыдущие 7 дней (2–8 окт. 2025 г.) расходов не было.", "", "Топ сервисов:", "1. Compute — 30,00 ₽"].join("\n"),
    );
    const marked = (openstack.edit!.reply_markup as { inline_keyboard: { text: string }[][] }).inline_keyboard.flat().filter((button) => button.text.startsWith("•"));
    expect(marked.map((button) => button.text)).toEqual(["• 7 дней", "• OpenStack lab"]);
  });

  it("refuse a connection of another organization and leave the message alone", async () => {
    const forged = await press(`cost:month:${data.b.beta.id}`);
    expect(forged.edit).toBeUndefined();
    expect(forged.answer).toMatchObject({ text: "Это подключение недоступно в этом чате.", show_alert: true });
    expect(JSON.stringify(api.calls)).not.toContain("Beta");
  });

  it("refuse data this bot never produces", async () => {
    for (const data of ["cost:year:all", "cost:month:<b>", "cost:month", "cost:month:all:extra"]) {
      api.reset();
      const result = await press(data);
      expect(result.edit).toBeUndefined();
      expect(result.answer).toMatchObject({ text: "Кнопка устарела — отправьте /cost ещё раз." });
    }
  });
});
