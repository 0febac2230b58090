import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { alertOnSyncEventInProcess } from "@/server/notify/embedded/start-embedded-alerts";
import { createLinkedChat } from "../support/linked-chat";
import { addConnection, APP_URL, completedEvent, days, insertDailyCosts, organizationWithConnection, recordRun, rub, setDaysLeft, withFakeTelegram } from "./alert-fixtures";

const telegram = withFakeTelegram();

/** 12:00 in Moscow on 16 October: the last complete day is the 15th, its 14 days before are 1–14 October. */
const NOW = new Date("2025-10-16T09:00:00Z");

/** 1–7 October at 100 ₽, 8–14 October at 120 ₽: the median is 110 ₽. */
const HISTORY = days("2025-10-01", 14, (index) => (index < 7 ? "100.00" : "120.00"));

async function syncCompletes(connection: { id: string; organizationId: string }, now = NOW) {
  return alertOnSyncEventInProcess(completedEvent(await recordRun(connection, "success")), now);
}

describe("daily spend anomaly", () => {
  it("alerts when the last complete day exceeds 1.5 × the median of the 14 days before, once per day", async () => {
    const { user, organizationId, connection } = await organizationWithConnection();
    await insertDailyCosts(organizationId, connection.id, { ...HISTORY, "2025-10-15": "200.00" });
    const chat = await createLinkedChat({ organizationId, userId: user.id });

    expect(await syncCompletes(connection)).toHaveLength(1);
    expect(await syncCompletes(connection, new Date("2025-10-16T18:00:00Z"))).toEqual([]);
    expect(telegram.api().callsOf("sendMessage")).toEqual([
      expect.objectContaining({
        chat_id: chat.telegramChatId,
        text: `📈 <b>Необычные расходы за 15 октября</b>\n${rub("200.00")} — в 1,8 раза больше медианы за 14 дней до этого (${rub("110.00")}).`,
        reply_markup: { inline_keyboard: [[{ text: "Открыть расходы", url: `${APP_URL}/ru/costs?from=2025-10-01&to=2025-10-15` }]] },
      }),
    ]);
    expect(await db.telegramDelivery.findFirstOrThrow({ where: { chatId: chat.id } })).toMatchObject({ kind: "spend_anomaly", dedupKey: "spend_anomaly:2025-10-15:all" });
  });

  it("judges each chat's own scope: a group on a quiet connection hears nothing of another's spike", async () => {
    const { user, organizationId, connection } = await organizationWithConnection();
    const quiet = await addConnection(organizationId, "OpenStack lab", "openstack");
    await insertDailyCosts(organizationId, connection.id, { ...HISTORY, "2025-10-15": "200.00" });
    await insertDailyCosts(organizationId, quiet.id, days("2025-10-01", 15, () => "50.00"));
    const spiking = await createLinkedChat({ organizationId, userId: user.id, kind: "group", connectionIds: [connection.id], locale: "en" });
    const quietGroup = await createLinkedChat({ organizationId, userId: user.id, kind: "group", connectionIds: [quiet.id] });

    await syncCompletes(connection);
    await syncCompletes(quiet);
    expect(telegram.api().textsTo(quietGroup.telegramChatId)).toEqual([]);
    const [alert] = telegram.api().callsOf("sendMessage");
    expect(alert).toMatchObject({
      chat_id: spiking.telegramChatId,
      text: `📈 <b>Unusual spend on October 15</b>\n${rub("200.00", "en")} — 1.8 times the median of the 14 days before (${rub("110.00", "en")}).`,
      reply_markup: { inline_keyboard: [[{ text: "Open costs", url: `${APP_URL}/en/costs?from=2025-10-01&to=2025-10-15&conn=${connection.id}` }]] },
    });
    expect(telegram.api().callsOf("sendMessage")).toHaveLength(1);
  });

  it("stays silent without a spike, without 14 days of history, with a zero median, or when muted", async () => {
    const cases = [
      { costs: { ...HISTORY, "2025-10-15": "165.00" }, muted: [] }, // exactly 1.5 × the median
      { costs: { ...days("2025-10-02", 13, () => "100.00"), "2025-10-15": "500.00" }, muted: [] }, // 13 days of history
      { costs: { ...days("2025-10-01", 14, (index) => (index < 6 ? "100.00" : "0.00")), "2025-10-15": "500.00" }, muted: [] }, // billed 6 of the 14 days: median 0
      { costs: { ...HISTORY, "2025-10-15": "200.00" }, muted: ["spend_anomaly"] },
    ];
    for (const { costs, muted } of cases) {
      const { user, organizationId, connection } = await organizationWithConnection();
      await insertDailyCosts(organizationId, connection.id, costs);
      await createLinkedChat({ organizationId, userId: user.id, mutedAlerts: muted });
      expect(await syncCompletes(connection)).toEqual([]);
    }
    expect(telegram.api().callsOf("sendMessage")).toEqual([]);
  });
});

describe("low balance", () => {
  it("alerts at 14, 7 and 3 days once each per episode; a top-up above 14 days starts a new episode", async () => {
    const { user, organizationId, connection } = await organizationWithConnection("Selectel");
    const chat = await createLinkedChat({ organizationId, userId: user.id });
    const text = (days: number, threshold: number, balance: string) =>
      `🪫 <b>Баланс заканчивается</b>: Selectel\nОсталось ${rub(balance)} — хватит примерно на ${days} дн. (меньше ${threshold} дней).`;

    const steps: [number, string][] = [[20, "2000.00"], [13, "1300.00"], [6, "600.00"], [6, "590.00"], [2, "200.00"], [30, "3000.00"], [10, "1000.00"]];
    for (const [daysLeft, balance] of steps) {
      await setDaysLeft(connection, daysLeft, balance);
      await syncCompletes(connection);
    }

    expect(telegram.api().textsTo(chat.telegramChatId)).toEqual([text(13, 14, "1300.00"), text(6, 7, "600.00"), text(2, 3, "200.00"), text(10, 14, "1000.00")]);
    expect(await db.telegramDelivery.findMany({ where: { chatId: chat.id }, select: { dedupKey: true }, orderBy: { createdAt: "asc" } })).toEqual(
      [`1:14`, `1:7`, `1:3`, `2:14`].map((key) => ({ dedupKey: `low_balance:${connection.id}:${key}` })),
    );
    expect(telegram.api().callsOf("sendMessage")[0]?.reply_markup).toEqual({ inline_keyboard: [[{ text: "Открыть подключение", url: `${APP_URL}/ru/connections/${connection.id}` }]] });
    expect(await db.balanceAlertState.findUniqueOrThrow({ where: { connectionId: connection.id } })).toMatchObject({ episode: 2, low: true });
  });

  it("a chat that muted it, or follows another connection, hears nothing; the episode still moves", async () => {
    const { user, organizationId, connection } = await organizationWithConnection("Selectel");
    const other = await addConnection(organizationId, "Other");
    await createLinkedChat({ organizationId, userId: user.id, mutedAlerts: ["low_balance"] });
    await createLinkedChat({ organizationId, userId: user.id, kind: "group", connectionIds: [other.id] });
    await setDaysLeft(connection, 5);
    expect(await syncCompletes(connection)).toEqual([]);
    expect(await db.balanceAlertState.findUniqueOrThrow({ where: { connectionId: connection.id } })).toMatchObject({ episode: 1, low: true });
  });
});
