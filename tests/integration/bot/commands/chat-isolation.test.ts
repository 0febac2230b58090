import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { translateBot } from "@/bot/i18n/bot-i18n";
import { db } from "@/server/db";
import { SELECTEL_NAME } from "../../costs/cost-fixtures";
import { addMember } from "../../helpers/test-callers";
import { truncateAllTables } from "../../setup/worker-database";
import { startFakeBotApi, type FakeBotApi } from "../support/fake-bot-api";
import { callbackQuery, groupMessage, privateMessage } from "../support/telegram-updates";
import { createTestBot } from "../support/test-bot";
import { linkedChatId, pinNow, plain, seedCommandOrganizations } from "./command-fixtures";

let api: FakeBotApi;
let data: Awaited<ReturnType<typeof seedCommandOrganizations>>;
let groupA: number;
let groupB: number;

const READ_COMMANDS = ["/cost", "/cost week", "/cost today", "/top 25", "/forecast", "/balance", "/zombies"];
/** What only Org A has: names of its connections, resources and services, and its amounts. */
const ORG_A_MARKS = [SELECTEL_NAME, "OpenStack", "web-1", "db-1", "disk-1", "ghost-vm", "lost-disk", "Compute", "Storage", "230,04", "1 500,50", "1 234,50", "300,00"];
const ORG_B_MARKS = ["Beta", "b-vm", "b-db", "b-ghost", "B-service", "B-db", "99,90", "2 000,00", "77,00"];

beforeAll(async () => {
  await truncateAllTables();
  api = await startFakeBotApi();
  data = await seedCommandOrganizations();
  groupA = await linkedChatId({ kind: "group", organizationId: data.a.organizationId, userId: data.a.user.id });
  groupB = await linkedChatId({ kind: "group", organizationId: data.b.organizationId, userId: data.b.user.id });
});
afterAll(() => api.close());
beforeEach(() => {
  api.reset();
  pinNow();
});
afterEach(() => vi.useRealTimers());

/** Every text the bot sent or edited into the chat for these commands, plus button labels and data. */
async function transcript(chatId: number, commands: string[]) {
  api.reset();
  const bot = createTestBot(api);
  for (const command of commands) await bot.handleUpdate(groupMessage(command, { chatId }, { userId: 9100001 }));
  return plain(JSON.stringify(api.calls.map((call) => call.payload)));
}

async function reply(chatId: number, command: string) {
  api.reset();
  await createTestBot(api).handleUpdate(chatId < 0 ? groupMessage(command, { chatId }, { userId: 9100002 }) : privateMessage(command, { userId: chatId }));
  return plain(String(api.callsOf("sendMessage")[0]?.text));
}

describe("two organizations' groups", () => {
  it("never show each other's connections, resources or numbers", async () => {
    const seenByB = await transcript(groupB, READ_COMMANDS);
    for (const mark of ORG_A_MARKS) expect(seenByB).not.toContain(mark);
    expect(seenByB).toContain("Beta cloud");

    const seenByA = await transcript(groupA, READ_COMMANDS);
    for (const mark of ORG_B_MARKS) expect(seenByA).not.toContain(mark);
    expect(seenByA).toContain("OpenStack lab");
  });

  it("do not find the other organization's connections by name", async () => {
    expect(await reply(groupB, "/cost week OpenStack lab")).toBe("Не нашлось одного подключения по запросу «OpenStack lab». Доступны: Beta cloud, Beta spare.");
    expect(await reply(groupA, "/cost beta")).toBe(`Не нашлось одного подключения по запросу «beta». Доступны: OpenStack lab, ${SELECTEL_NAME}.`);
  });

  it("refuse a button naming the other organization's connection", async () => {
    api.reset();
    await createTestBot(api).handleUpdate(callbackQuery(`cost:month:${data.a.selectel.id}`, { chatId: groupB, messageId: 31 }, { userId: 9100003 }));
    expect(api.callsOf("editMessageText")).toEqual([]);
    expect(api.callsOf("answerCallbackQuery")[0]).toMatchObject({ text: "Это подключение недоступно в этом чате." });
  });
});

describe("a group linked with a connection filter", () => {
  let openstackOnly: number;
  beforeAll(async () => {
    openstackOnly = await linkedChatId({ kind: "group", organizationId: data.a.organizationId, userId: data.a.user.id, connectionIds: [data.a.openstack.id] });
  });

  it("sees that connection only, in every command", async () => {
    const seen = await transcript(openstackOnly, [...READ_COMMANDS, "/cost selectel"]);
    for (const mark of [SELECTEL_NAME, "web-1", "disk-1", "ghost-vm", "Storage", "1 500,50", "1 234,50", ...ORG_B_MARKS]) expect(seen).not.toContain(mark);

    expect(await reply(openstackOnly, "/cost")).toBe(
      ["<b>Расходы за месяц</b> · OpenStack lab", "1–15 окт. 2025 г.: <b>30,00 ₽</b>", "Сравнить не с чем: за те же дни в начале прошлого месяца (1–15 сент. 2025 г.) расходов не было.", "", "Топ сервисов:", "1. Compute — 30,00 ₽"].join("\n"),
    );
    const [sent] = api.callsOf("sendMessage");
    expect((sent!.reply_markup as { inline_keyboard: unknown[][] }).inline_keyboard.slice(1)).toEqual([
      [{ text: "• Все подключения", callback_data: "cost:month:all" }, { text: "OpenStack lab", callback_data: `cost:month:${data.a.openstack.id}` }],
    ]);
    expect(await reply(openstackOnly, "/top")).toBe(["<b>Топ-1 ресурсов за 30 дней</b> (16 сент. – 15 окт. 2025 г.)", "1. db-1 — 30,00 ₽ · OpenStack lab"].join("\n"));
    expect(await reply(openstackOnly, "/balance")).toBe(["<b>Балансы</b>", "OpenStack lab (OpenStack): нет данных о балансе"].join("\n"));
    expect(await reply(openstackOnly, "/zombies")).toBe(
      ["<b>Зомби и сироты</b>", "", "<b>Сироты</b> — диски, не подключённые ни к одному серверу:", "OpenStack lab (300,00 ₽ в месяц):", "• lost-disk — 300,00 ₽ в месяц", "", "Итого: <b>300,00 ₽ в месяц</b>"].join("\n"),
    );
    // 25 complete days + 25 over the last 7 complete days / 7 × 17 days left = 85.71
    expect((await reply(openstackOnly, "/forecast")).split("\n").slice(0, 3)).toEqual([
      "<b>Прогноз на октябрь 2025 г.</b> · OpenStack lab",
      "К концу месяца: <b>85,71 ₽</b>",
      "С начала месяца (1–15 окт. 2025 г.): 30,00 ₽",
    ]);
    expect(await reply(openstackOnly, "/cost selectel")).toBe("Не нашлось одного подключения по запросу «selectel». Доступны: OpenStack lab.");
  });

  it("refuses a button for the organization's other connection", async () => {
    api.reset();
    await createTestBot(api).handleUpdate(callbackQuery(`cost:today:${data.a.selectel.id}`, { chatId: openstackOnly, messageId: 32 }, { userId: 9100004 }));
    expect(api.callsOf("editMessageText")).toEqual([]);
    expect(api.callsOf("answerCallbackQuery")[0]).toMatchObject({ show_alert: true });
  });

  it("shows nothing rather than everything once its connections are gone", async () => {
    const gone = await linkedChatId({ kind: "group", organizationId: data.a.organizationId, userId: data.a.user.id, connectionIds: ["deleted-connection"] });
    expect((await reply(gone, "/cost")).split("\n").slice(0, 2)).toEqual(["<b>Расходы за месяц</b> · нет доступных подключений", "1–15 окт. 2025 г.: <b>0,00 ₽</b>"]);
    expect(await reply(gone, "/balance")).toBe(["<b>Балансы</b>", "Подключений нет."].join("\n"));
    const seen = await transcript(gone, READ_COMMANDS);
    for (const mark of ORG_A_MARKS) expect(seen).not.toContain(mark);
  });
});

describe("a group linked with a project filter", () => {
  it("counts that project's costs and resources only", async () => {
    const p1 = await linkedChatId({ kind: "group", organizationId: data.a.organizationId, userId: data.a.user.id, projectIds: ["p1"] });
    // p1: web-1 130.00 + disk-1 15.03 this month, both on the Selectel connection.
    expect((await reply(p1, "/cost")).split("\n").slice(0, 2)).toEqual([`<b>Расходы за месяц</b> · все подключения · проекты: p1`, "1–15 окт. 2025 г.: <b>145,03 ₽</b>"]);
    const keyboard = (api.callsOf("sendMessage")[0]!.reply_markup as { inline_keyboard: { text: string }[][] }).inline_keyboard.flat().map((button) => button.text);
    expect(keyboard).toEqual(["Сегодня", "7 дней", "• Месяц", "• Все подключения", SELECTEL_NAME]);
    expect(await reply(p1, "/top 3")).toBe(["<b>Топ-2 ресурсов за 30 дней</b> (16 сент. – 15 окт. 2025 г.)", `1. web-1 — 130,00 ₽ · ${SELECTEL_NAME}`, `2. disk-1 — 15,03 ₽ · ${SELECTEL_NAME}`].join("\n"));
    expect(await reply(p1, "/balance")).toBe(["<b>Балансы</b>", `${SELECTEL_NAME} (Selectel): 1 500,50 ₽ — 42 дня до приостановки`].join("\n"));
    // The zombie has no project and the orphan is in p9.
    expect(await reply(p1, "/zombies")).toBe(["<b>Зомби и сироты</b>", "Ничего не найдено: ни удалённых ресурсов в счёте, ни сирот."].join("\n"));
  });
});

describe("chats without access", () => {
  it("answer the no-access message when the member who linked the group has left the organization", async () => {
    const member = await addMember(data.a.organizationId, "admin");
    const orphaned = await linkedChatId({ kind: "group", organizationId: data.a.organizationId, userId: member.user.id });
    await db.membership.delete({ where: { id: member.membership.id } });
    for (const command of ["/cost", "/top", "/forecast", "/balance", "/zombies"]) {
      expect(await reply(orphaned, command)).toBe(translateBot("ru", "errors-no-access"));
    }
    api.reset();
    await createTestBot(api).handleUpdate(callbackQuery("cost:week:all", { chatId: orphaned, messageId: 33 }, { userId: 9100005 }));
    expect(api.callsOf("editMessageText")).toEqual([]);
    expect(plain(String(api.callsOf("sendMessage")[0]?.text))).toBe(translateBot("ru", "errors-no-access"));
  });

  it("tell an unlinked chat how to link it", async () => {
    for (const command of ["/cost", "/top", "/forecast", "/balance", "/zombies"]) {
      expect(await reply(9100777, command)).toBe(translateBot("ru", "errors-not-linked-private"));
      expect(await reply(-100900777, command)).toBe(translateBot("ru", "errors-not-linked-group"));
    }
  });
});
