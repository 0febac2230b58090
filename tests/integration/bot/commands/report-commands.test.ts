import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { money } from "@/bot/format/format-amounts";
import { db } from "@/server/db";
import { rebuildCostRollups } from "@/server/services/costs/refresh-cost-rollups";
import { SELECTEL_NAME } from "../../costs/cost-fixtures";
import { createUserWithOrganization } from "../../helpers/test-callers";
import { truncateAllTables } from "../../setup/worker-database";
import { startFakeBotApi, type FakeBotApi } from "../support/fake-bot-api";
import { groupMessage, privateMessage } from "../support/telegram-updates";
import { createTestBot } from "../support/test-bot";
import { linkedChatId, pinNow, plain, seedCommandOrganizations } from "./command-fixtures";

let api: FakeBotApi;
let data: Awaited<ReturnType<typeof seedCommandOrganizations>>;
let chatA: number;
let groupB: number;

beforeAll(async () => {
  await truncateAllTables();
  api = await startFakeBotApi();
  data = await seedCommandOrganizations();
  chatA = await linkedChatId({ kind: "private", organizationId: data.a.organizationId, userId: data.a.user.id });
  groupB = await linkedChatId({ kind: "group", organizationId: data.b.organizationId, userId: data.b.user.id, locale: "en" });
});
afterAll(() => api.close());
beforeEach(() => {
  api.reset();
  pinNow();
});
afterEach(() => vi.useRealTimers());

/** The bot's reply to one command, spaces made plain. */
async function ask(text: string, chatId = chatA) {
  await createTestBot(api).handleUpdate(chatId < 0 ? groupMessage(text, { chatId }, { userId: 4242 }) : privateMessage(text, { userId: chatId }));
  const replies = api.callsOf("sendMessage");
  expect(replies).toHaveLength(1);
  expect(replies[0]!.parse_mode === undefined || replies[0]!.parse_mode === "HTML").toBe(true);
  return plain(String(replies[0]!.text));
}

/** An organization of its own with the owner's private chat linked, for answers built from many long names. */
async function ownChat(orgName: string, chat: { projectIds?: string[] } = {}) {
  const owner = await createUserWithOrganization({ orgName });
  const organizationId = owner.organization.id;
  const connection = (name: string) => db.cloudConnection.create({ data: { organizationId, providerId: "selectel", name, encryptedCredentials: "v1:test", credentialsKeyId: "test" } });
  const chatId = await linkedChatId({ kind: "private", organizationId, userId: owner.user.id, ...chat });
  return { organizationId, connection, chatId };
}

/** A name as the bot lists it: 80 characters at most, the last one "…" when cut. */
const clipped = (name: string) => (name.length > 80 ? `${name.slice(0, 79)}…` : name);

/** "• …и ещё 12" → 12. */
const moreCount = (line: string) => Number(/^• …и ещё (\d+)$/.exec(line)?.[1] ?? 0);

describe("/top", () => {
  it("lists the 10 most expensive resources of the last 30 days with their connection", async () => {
    expect(await ask("/top")).toBe(
      [
        "<b>Топ-10 ресурсов за 30 дней</b> (16 сент. – 15 окт. 2025 г.)",
        `1. web-1 — 130,00 ₽ · ${SELECTEL_NAME}`,
        "2. db-1 — 30,00 ₽ · OpenStack lab",
        `3. disk-1 — 15,03 ₽ · ${SELECTEL_NAME}`,
        ...[10, 9, 8, 7, 6, 5, 4].map((cost, index) => `${index + 4}. s${cost} — ${cost},00 ₽ · ${SELECTEL_NAME}`),
      ].join("\n"),
    );
  });

  it("takes n, caps it at 25 and explains a bad one", async () => {
    expect((await ask("/top 2")).split("\n")).toEqual(["<b>Топ-2 ресурсов за 30 дней</b> (16 сент. – 15 окт. 2025 г.)", `1. web-1 — 130,00 ₽ · ${SELECTEL_NAME}`, "2. db-1 — 30,00 ₽ · OpenStack lab"]);
    api.reset();
    // 14 billed resources in all: asking for 40 lists every one of them.
    const all = (await ask("/top 40")).split("\n");
    expect(all[0]).toBe("<b>Топ-14 ресурсов за 30 дней</b> (16 сент. – 15 окт. 2025 г.)");
    expect(all.at(-1)).toBe(`14. dns — 0,01 ₽ · ${SELECTEL_NAME}`);
    api.reset();
    expect(await ask("/top many")).toBe("Укажите число ресурсов от 1 до 25, например: /top 5");
  });

  it("clips long names and stops where one Telegram message would end, counting the rest", async () => {
    const { organizationId, connection, chatId } = await ownChat("Org Top");
    const cloud = await connection(`Cloud ${"c".repeat(110)}`);
    const names = Array.from({ length: 25 }, (_, index) => `vm-${String(index + 1).padStart(2, "0")}-${"n".repeat(200)}`);
    await db.costRecord.createMany({
      data: names.map((name, index) => ({
        organizationId, connectionId: cloud.id, providerResourceId: `r${index}`, resourceName: name, chargePeriodStart: new Date("2025-10-10T00:00:00Z"), chargePeriodEnd: new Date("2025-10-11T00:00:00Z"),
        billedCost: `${100 - index}.0000`, effectiveCost: `${100 - index}.0000`, billingCurrency: "RUB", serviceName: "Compute",
      })),
    });
    await rebuildCostRollups(db, { organizationId });

    const reply = await ask("/top 25", chatId);
    const lines = reply.split("\n");
    expect(reply.length).toBeLessThanOrEqual(4000);
    expect(lines[0]).toBe("<b>Топ-25 ресурсов за 30 дней</b> (16 сент. – 15 окт. 2025 г.)");
    expect(lines[1]).toBe(`1. ${clipped(names[0]!)} — 100,00 ₽ · ${clipped(cloud.name)}`);
    const listed = lines.slice(1, -1);
    expect(listed.length).toBeGreaterThan(10);
    expect(lines.at(-1)).toMatch(/^• …и ещё \d+$/);
    expect(listed.length + moreCount(lines.at(-1)!)).toBe(25);
  });
});

describe("/forecast", () => {
  it("projects the month end with the dashboard's rule and number", async () => {
    const { kpis } = await data.a.caller.dashboard.overview({ range: { preset: "7d" } });
    expect(kpis.monthForecast).toBe("582.96");
    expect(await ask("/forecast")).toBe(
      [
        "<b>Прогноз на октябрь 2025 г.</b> · все подключения",
        "К концу месяца: <b>582,96 ₽</b>",
        "С начала месяца (1–15 окт. 2025 г.): 230,04 ₽",
        "Прошлый месяц (сентябрь 2025 г.): 0,00 ₽",
        "",
        "Как считаем: полные дни месяца по счетам + средний расход за последние 7 полных дней × 17 дней до конца месяца, включая сегодня (как на дашборде).",
      ].join("\n"),
    );
  });

  it("compares with last month's total and answers in the chat's language", async () => {
    // Org B: 7.00 on Oct 14 and 3.00 today; 7.00 + 7.00 / 7 × 17 days left = 24.00.
    await db.costRecord.create({
      data: { organizationId: data.b.organizationId, connectionId: data.b.beta.id, providerResourceId: "b-vm", chargePeriodStart: new Date("2025-09-20T00:00:00Z"), chargePeriodEnd: new Date("2025-09-21T00:00:00Z"), billedCost: "1234.5000", effectiveCost: "1234.5000", billingCurrency: "RUB", serviceName: "B-service" },
    });
    await rebuildCostRollups(db, { organizationId: data.b.organizationId });
    expect(await ask("/forecast", groupB)).toBe(
      [
        "<b>Forecast for October 2025</b> · all connections",
        "By month end: <b>RUB 24.00</b>",
        "Month to date (Oct 1 – 15, 2025): RUB 10.00",
        "Last month (September 2025): RUB 1,234.50",
        "",
        "How: the month's complete days as billed + the average of the last 7 complete days × 17 days left including today (as on the dashboard).",
      ].join("\n"),
    );
  });
});

describe("/balance", () => {
  it("lists each connection's provider, balance and days until suspension, and says when there is none", async () => {
    expect(await ask("/balance")).toBe(["<b>Балансы</b>", `${SELECTEL_NAME} (Selectel): 1 500,50 ₽ — 42 дня до приостановки`, "OpenStack lab (OpenStack): нет данных о балансе"].join("\n"));
  });

  it("puts the most urgent first with a louder mark", async () => {
    expect(await ask("/balance", groupB)).toBe(["<b>Balances</b>", "🚨 Beta cloud (Selectel): RUB 99.90 — 5 days until suspension", "⚠️ Beta spare (Selectel): RUB 2,000.00 — 20 days until suspension"].join("\n"));
  });
});

describe("/zombies", () => {
  it("groups zombies and orphans per connection with their monthly cost and the total", async () => {
    expect(await ask("/zombies")).toBe(
      [
        "<b>Зомби и сироты</b>",
        "",
        "<b>Зомби</b> — удалены в облаке, но всё ещё в счёте:",
        `${SELECTEL_NAME} (1 234,50 ₽ в месяц):`,
        "• ghost-vm — 1 234,50 ₽ в месяц",
        "",
        "<b>Сироты</b> — диски, не подключённые ни к одному серверу:",
        "OpenStack lab (300,00 ₽ в месяц):",
        "• lost-disk — 300,00 ₽ в месяц",
        "",
        "Итого: <b>1 534,50 ₽ в месяц</b>",
      ].join("\n"),
    );
  });

  it("with a multi-project filter lists each connection's costliest resources over all its projects", async () => {
    const { organizationId, connection, chatId } = await ownChat("Org Projects", { projectIds: ["p1", "p2"] });
    const cloud = await connection("Cloud");
    // p1 has twelve cheap zombies, p2 three costly ones (and p3, outside the filter, the costliest of all).
    const zombie = (name: string, monthlyCost: string, projectId: string) => ({ organizationId, connectionId: cloud.id, providerId: "selectel", providerResourceId: name, name, resourceType: "server", status: "DELETED", isZombie: true, monthlyCost, projectId });
    await db.resource.createMany({
      data: [
        ...Array.from({ length: 12 }, (_, index) => zombie(`cheap-${String(index + 1).padStart(2, "0")}`, `${index + 1}.00`, "p1")),
        zombie("big-b", "500.00", "p2"),
        zombie("big-a", "500.00", "p2"),
        zombie("mid", "300.00", "p2"),
        zombie("other-project", "9000.00", "p3"),
      ],
    });
    expect(await ask("/zombies", chatId)).toBe(
      [
        "<b>Зомби и сироты</b>",
        "",
        "<b>Зомби</b> — удалены в облаке, но всё ещё в счёте:",
        "Cloud (1 378,00 ₽ в месяц):",
        "• big-a — 500,00 ₽ в месяц",
        "• big-b — 500,00 ₽ в месяц",
        "• mid — 300,00 ₽ в месяц",
        ...[12, 11, 10, 9, 8, 7, 6].map((cost) => `• cheap-${String(cost).padStart(2, "0")} — ${cost},00 ₽ в месяц`),
        "• …и ещё 5",
        "",
        "Итого: <b>1 378,00 ₽ в месяц</b>",
      ].join("\n"),
    );
  });

  it("holds many connections with long names to one Telegram message, counting what did not fit", async () => {
    const { organizationId, connection, chatId } = await ownChat("Org Many");
    let total = 0;
    for (let index = 1; index <= 12; index += 1) {
      const cloud = await connection(`Cloud ${String(index).padStart(2, "0")} ${"c".repeat(110)}`);
      const resources = Array.from({ length: 12 }, (_, item) => ({
        organizationId, connectionId: cloud.id, providerId: "selectel", providerResourceId: `r${item}`, name: `res-${item} <${"n".repeat(200)}>`, resourceType: "volume", status: "available",
        isOrphan: item % 3 === 0, isZombie: item % 3 !== 0, monthlyCost: "5.00",
      }));
      await db.resource.createMany({ data: resources });
      total += resources.length;
    }
    const reply = await ask("/zombies", chatId);
    const lines = reply.split("\n");
    expect(reply.length).toBeLessThanOrEqual(4000);
    expect(lines.slice(-3, -2)[0]).toMatch(/^• …и ещё \d+$/);
    expect(lines.slice(-2)).toEqual(["", `Итого: <b>${plain(money(String(total * 5), "ru"))} в месяц</b>`]);
    expect(lines[3]).toBe(`${clipped(`Cloud 01 ${"c".repeat(110)}`)} (40,00 ₽ в месяц):`);
    // A name is clipped before it is escaped: no entity is cut in two.
    expect(lines[4]).toBe(`• ${clipped(`res-1 <${"n".repeat(200)}>`).replace("<", "&lt;")} — 5,00 ₽ в месяц`);
    // Every resource is either listed or counted in a "…and n more" line.
    const items = lines.filter((line) => line.startsWith("• "));
    expect(items.filter((line) => !moreCount(line)).length + items.reduce((sum, line) => sum + moreCount(line), 0)).toBe(total);
  });

  it("says so when there are none", async () => {
    const spareOnly = await linkedChatId({ kind: "group", organizationId: data.b.organizationId, userId: data.b.user.id, connectionIds: [data.b.spare.id] });
    expect(await ask("/zombies", spareOnly)).toBe(["<b>Зомби и сироты</b>", "Ничего не найдено: ни удалённых ресурсов в счёте, ни сирот."].join("\n"));
  });
});

describe("names from the clouds", () => {
  it("are escaped for Telegram's HTML", async () => {
    const owner = await createUserWithOrganization({ orgName: "Org C" });
    const organizationId = owner.organization.id;
    const connection = await db.cloudConnection.create({ data: { organizationId, providerId: "selectel", name: "R&D <b>lab</b>", encryptedCredentials: "v1:test", credentialsKeyId: "test", balance: "10.00", balanceCurrency: "RUB" } });
    await db.resource.create({ data: { organizationId, connectionId: connection.id, providerId: "selectel", providerResourceId: "x", name: "<script>vm</script>", resourceType: "server", status: "DELETED", isZombie: true, monthlyCost: "5.00" } });
    const chatId = await linkedChatId({ kind: "private", organizationId, userId: owner.user.id });
    expect(await ask("/balance", chatId)).toBe(["<b>Балансы</b>", "R&amp;D &lt;b&gt;lab&lt;/b&gt; (Selectel): 10,00 ₽ — срок до приостановки неизвестен"].join("\n"));
    api.reset();
    expect((await ask("/zombies", chatId)).split("\n").slice(3, 5)).toEqual(["R&amp;D &lt;b&gt;lab&lt;/b&gt; (5,00 ₽ в месяц):", "• &lt;script&gt;vm&lt;/script&gt; — 5,00 ₽ в месяц"]);
  });
});
