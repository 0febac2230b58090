import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { alertOnSyncEventInProcess } from "@/server/notify/embedded/start-embedded-alerts";
import { addMember } from "../../helpers/test-callers";
import { createLinkedChat } from "../support/linked-chat";
import { addConnection, APP_URL, completedEvent, failedEvent, organizationWithConnection, recordRun, rub, withFakeTelegram } from "./alert-fixtures";

const telegram = withFakeTelegram();

const FAILED_RU = [
  "❌ <b>Синхронизация не удалась</b>: Selectel &lt;main&gt; &amp; co",
  "Selectel answered 401: &lt;invalid token&gt;",
  "Повторные сбои не присылаются, пока синхронизация снова не пройдёт успешно.",
].join("\n");

describe("sync outcome alerts", () => {
  it("tells a failure once per streak: the same event twice, a second failure, then a new streak after a success", async () => {
    const { user, organizationId, connection } = await organizationWithConnection();
    const chat = await createLinkedChat({ organizationId, userId: user.id });
    await recordRun(connection, "success");
    const first = await recordRun(connection, "error");

    const sent = await alertOnSyncEventInProcess(failedEvent(first));
    expect(await alertOnSyncEventInProcess(failedEvent(first))).toEqual([]);
    expect(sent).toHaveLength(1);
    expect(telegram.api().callsOf("sendMessage")).toEqual([
      expect.objectContaining({
        chat_id: chat.telegramChatId,
        text: FAILED_RU,
        parse_mode: "HTML",
        reply_markup: { inline_keyboard: [[{ text: "Открыть подключение", url: `${APP_URL}/ru/connections/${connection.id}` }]] },
      }),
    ]);
    expect(await db.telegramDelivery.findMany({ where: { organizationId }, select: { kind: true, dedupKey: true, status: true } })).toEqual([
      { kind: "sync_failed", dedupKey: `sync_failed:${connection.id}:${first.id}`, status: "sent" },
    ]);

    // Failing again 15 minutes later is the same cause.
    const second = await recordRun(connection, "error");
    expect(await alertOnSyncEventInProcess(failedEvent(second, "Selectel answered 503"))).toEqual([]);
    // A partial run does not end the streak either; a success does.
    await recordRun(connection, "partial");
    expect(await alertOnSyncEventInProcess(failedEvent(await recordRun(connection, "error")))).toEqual([]);
    await recordRun(connection, "success");
    const third = await recordRun(connection, "error");
    expect(await alertOnSyncEventInProcess(failedEvent(third, "Selectel answered 500"))).toHaveLength(1);
    expect(telegram.api().textsTo(chat.telegramChatId)).toEqual([FAILED_RU, FAILED_RU.replace("Selectel answered 401: &lt;invalid token&gt;", "Selectel answered 500")]);
  });

  it("tells a partial sync with the failed scopes, in the chat's language", async () => {
    const { user, organizationId, connection } = await organizationWithConnection();
    const chat = await createLinkedChat({ organizationId, userId: user.id, locale: "en" });
    const run = await recordRun(connection, "partial");
    await alertOnSyncEventInProcess(completedEvent(run, { warning: "Region ru-8 did not answer (503)" }));
    await alertOnSyncEventInProcess(completedEvent(await recordRun(connection, "partial"), { warning: "Region ru-8 did not answer (503)" }));

    expect(telegram.api().callsOf("sendMessage")).toEqual([
      expect.objectContaining({
        chat_id: chat.telegramChatId,
        text: "⚠️ <b>Sync partly done</b>: Selectel &lt;main&gt; &amp; co\nRegion ru-8 did not answer (503)",
        reply_markup: { inline_keyboard: [[{ text: "Open the connection", url: `${APP_URL}/en/connections/${connection.id}` }]] },
      }),
    ]);
  });

  it("lists new zombie and orphan resources with their monthly cost, each chat only within its filter", async () => {
    const { user, organizationId, connection } = await organizationWithConnection();
    const other = await addConnection(organizationId, "OpenStack lab", "openstack");
    const resource = (name: string, monthlyCost: string, projectId: string, flags: { isZombie?: boolean; isOrphan?: boolean }) =>
      db.resource.create({ data: { organizationId, connectionId: connection.id, providerId: "selectel", providerResourceId: name, name, resourceType: "server", status: "DELETED", monthlyCost, projectId, ...flags } });
    const vm = await resource("old-vm <1>", "1500.00", "p1", { isZombie: true });
    const disk = await resource("disk-9", "250.50", "p2", { isZombie: true });
    const ip = await resource("ip-addr", "99.90", "p1", { isOrphan: true });
    const owner = await createLinkedChat({ organizationId, userId: user.id });
    const otherGroup = await createLinkedChat({ organizationId, userId: user.id, kind: "group", connectionIds: [other.id] });
    const projectGroup = await createLinkedChat({ organizationId, userId: user.id, kind: "group", projectIds: ["p1"] });

    const run = await recordRun(connection, "success");
    await alertOnSyncEventInProcess(completedEvent(run, { newZombieIds: [disk.id, vm.id], newOrphanIds: [ip.id] }));

    expect(telegram.api().textsTo(owner.telegramChatId)).toEqual([
      [
        "🧟 <b>Новые неиспользуемые ресурсы</b> в Selectel &lt;main&gt; &amp; co: 3",
        "Удалены, но ещё тарифицируются:",
        `• old-vm &lt;1&gt; — ${rub("1500.00")} в месяц`,
        `• disk-9 — ${rub("250.50")} в месяц`,
        "Ни к чему не подключены:",
        `• ip-addr — ${rub("99.90")} в месяц`,
        `Итого: ${rub("1850.40")} в месяц`,
      ].join("\n"),
    ]);
    expect(telegram.api().textsTo(projectGroup.telegramChatId)).toEqual([
      [
        "🧟 <b>Новые неиспользуемые ресурсы</b> в Selectel &lt;main&gt; &amp; co: 2",
        "Удалены, но ещё тарифицируются:",
        `• old-vm &lt;1&gt; — ${rub("1500.00")} в месяц`,
        "Ни к чему не подключены:",
        `• ip-addr — ${rub("99.90")} в месяц`,
        `Итого: ${rub("1599.90")} в месяц`,
      ].join("\n"),
    ]);
    expect(telegram.api().callsOf("sendMessage").find((call) => call.chat_id === owner.telegramChatId)?.reply_markup).toEqual({
      inline_keyboard: [[{ text: "Открыть ресурсы", url: `${APP_URL}/ru/resources?flag=zombie` }]],
    });

    // The group that follows the other connection hears neither this connection's zombies nor its failures.
    await alertOnSyncEventInProcess(failedEvent(await recordRun(connection, "error")));
    expect(telegram.api().textsTo(otherGroup.telegramChatId)).toEqual([]);
    expect(await db.telegramDelivery.count({ where: { chatId: otherGroup.id } })).toBe(0);
    expect(telegram.api().textsTo(owner.telegramChatId)).toHaveLength(2);
  });

  it("holds a long list of new resources with long names to one Telegram message, so the alert is not refused", async () => {
    const { user, organizationId, connection } = await organizationWithConnection(`Selectel ${"&".repeat(150)}`);
    const chat = await createLinkedChat({ organizationId, userId: user.id, locale: "en" });
    const resource = (index: number, flags: { isZombie?: boolean; isOrphan?: boolean }) =>
      db.resource.create({ data: { organizationId, connectionId: connection.id, providerId: "selectel", providerResourceId: `r${index}`, name: `r${String(index).padStart(2, "0")} <${"&".repeat(300)}>`, resourceType: "volume", status: "DELETED", monthlyCost: "10.00", ...flags } });
    const zombies = await Promise.all(Array.from({ length: 20 }, (_, index) => resource(index, { isZombie: true })));
    const orphans = await Promise.all(Array.from({ length: 20 }, (_, index) => resource(20 + index, { isOrphan: true })));

    await alertOnSyncEventInProcess(completedEvent(await recordRun(connection, "success"), { newZombieIds: zombies.map((row) => row.id), newOrphanIds: orphans.map((row) => row.id) }));

    const [text] = telegram.api().textsTo(chat.telegramChatId);
    const lines = text!.split("\n");
    expect(text!.length).toBeLessThanOrEqual(4000);
    expect(lines[0]).toBe(`🧟 <b>New unused resources</b> in Selectel ${"&amp;".repeat(70)}…: 40`);
    // Names are clipped before they are escaped: 80 characters, no entity cut in two.
    expect(lines[2]).toBe(`• r00 &lt;${"&amp;".repeat(74)}… — ${rub("10.00", "en")} a month`);
    expect(lines.at(-1)).toBe(`Total: ${rub("400.00", "en")} a month`);
    const more = /^• …and (\d+) more$/.exec(lines.at(-2)!);
    expect(more).not.toBeNull();
    // Every new resource is either listed or counted.
    expect(lines.filter((line) => line.startsWith("• r")).length + Number(more![1])).toBe(40);
    expect(await db.telegramDelivery.findMany({ where: { chatId: chat.id }, select: { status: true } })).toEqual([{ status: "sent" }]);
  });

  it("stays silent for a muted kind, a member who left, a disabled user, and while the bot is off", async () => {
    const { user, organizationId, connection } = await organizationWithConnection();
    const muted = await createLinkedChat({ organizationId, userId: user.id, mutedAlerts: ["sync_failed"] });
    const leaver = await db.user.create({ data: { email: `leaver-${Date.now()}@example.test` } });
    await createLinkedChat({ organizationId, userId: leaver.id });
    const disabled = await addMember(organizationId, "admin");
    await db.user.update({ where: { id: disabled.user.id }, data: { disabledAt: new Date() } });
    await createLinkedChat({ organizationId, userId: disabled.user.id, kind: "group" });

    await alertOnSyncEventInProcess(failedEvent(await recordRun(connection, "error")));
    expect(telegram.api().callsOf("sendMessage")).toEqual([]);
    expect(await db.telegramDelivery.count({ where: { organizationId } })).toBe(0);

    await db.telegramChat.update({ where: { id: muted.id }, data: { mutedAlerts: [] } });
    delete process.env.TELEGRAM_BOT_TOKEN;
    expect(await alertOnSyncEventInProcess(failedEvent(await recordRun(connection, "error")))).toEqual([]);
    expect(await db.telegramDelivery.count({ where: { organizationId } })).toBe(0);
  });
});
