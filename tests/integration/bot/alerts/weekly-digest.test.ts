import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { sendDueDigests } from "@/server/notify/digest/send-due-digests";
import { addMember } from "../../helpers/test-callers";
import { createLinkedChat } from "../support/linked-chat";
import { addConnection, APP_URL, days, insertDailyCosts, organizationWithConnection, rub, setDaysLeft, withFakeTelegram } from "./alert-fixtures";

const telegram = withFakeTelegram();

/** Monday 20 October 2025, 09:00 in Moscow. */
const MONDAY_9_MOSCOW = new Date("2025-10-20T06:00:00Z");

/**
 * Selectel: Compute 100 ₽ a day 1–20 October, Storage 10 ₽ and DNS 1 ₽ a day 13–19 October, Network 5 ₽ a day
 * 6–19 October; 12 days of balance left. Last week (13–19): 812 ₽; the week before (6–12): 735 ₽.
 */
async function seedDigestOrganization() {
  const seeded = await organizationWithConnection("Selectel");
  const { organizationId, connection } = seeded;
  await insertDailyCosts(organizationId, connection.id, days("2025-10-01", 20, () => "100.00"), { service: "Compute" });
  await insertDailyCosts(organizationId, connection.id, days("2025-10-13", 7, () => "10.00"), { service: "Storage" });
  await insertDailyCosts(organizationId, connection.id, days("2025-10-13", 7, () => "1.00"), { service: "DNS" });
  await insertDailyCosts(organizationId, connection.id, days("2025-10-06", 14, () => "5.00"), { service: "Network" });
  await setDaysLeft(connection, 12, "1200.00");
  const openstack = await addConnection(organizationId, "OpenStack lab", "openstack");
  await setDaysLeft(openstack, 45);
  return { ...seeded, openstack };
}

const DIGEST_RU = [
  "📊 <b>Сводка за неделю: 13 октября — 19 октября</b>",
  `Расходы: <b>${rub("812.00")}</b> (▲ +10,5\u00a0% к предыдущей неделе: ${rub("735.00")})`,
  "",
  "Крупнейшие сервисы:",
  `1. Compute — ${rub("700.00")}`,
  `2. Storage — ${rub("70.00")}`,
  `3. Network — ${rub("35.00")}`,
  "",
  // Month to date 2147 ₽; forecast: 19 complete days (2047 ₽) + 812 ₽ ÷ 7 × 12 days left = 3439 ₽.
  `С начала месяца: <b>${rub("2147.00")}</b>, прогноз на конец месяца: <b>${rub("3439.00")}</b>`,
  "",
  "Баланса хватит меньше чем на 30 дней:",
  "• Selectel — 12 дн.",
].join("\n");

describe("weekly digest", () => {
  it("reaches executives' chats on Monday 09:00 in each chat's timezone, once per week", async () => {
    const { user, organizationId } = await seedDigestOrganization();
    const owner = await createLinkedChat({ organizationId, userId: user.id });
    const finance = await addMember(organizationId, "finance");
    const financeChat = await createLinkedChat({ organizationId, userId: finance.user.id });
    const member = await addMember(organizationId, "member");
    const memberChat = await createLinkedChat({ organizationId, userId: member.user.id });
    const group = await createLinkedChat({ organizationId, userId: user.id, kind: "group" });
    const mutedGroup = await createLinkedChat({ organizationId, userId: user.id, kind: "group", mutedAlerts: ["weekly_digest"] });
    const farEast = await createLinkedChat({ organizationId, userId: user.id, kind: "group", timezone: "Asia/Vladivostok" });

    expect(await sendDueDigests(db, new Date("2025-10-20T05:59:00Z"))).toEqual([]);
    expect(await sendDueDigests(db, MONDAY_9_MOSCOW)).toHaveLength(3);
    expect(await sendDueDigests(db, new Date("2025-10-20T06:45:00Z"))).toEqual([]);
    expect(await sendDueDigests(db, new Date("2025-10-21T06:00:00Z"))).toEqual([]);

    const api = telegram.api();
    expect(api.textsTo(owner.telegramChatId)).toEqual([DIGEST_RU]);
    expect(api.textsTo(financeChat.telegramChatId)).toEqual([DIGEST_RU]);
    expect(api.textsTo(group.telegramChatId)).toEqual([DIGEST_RU]);
    for (const silent of [memberChat, mutedGroup, farEast]) expect(api.textsTo(silent.telegramChatId)).toEqual([]);
    expect(api.callsOf("sendMessage")[0]?.reply_markup).toEqual({ inline_keyboard: [[{ text: "Открыть дашборд", url: `${APP_URL}/ru/dashboard` }]] });
    expect(await db.telegramDelivery.findFirstOrThrow({ where: { chatId: owner.id } })).toMatchObject({ kind: "weekly_digest", dedupKey: "weekly_digest:2025-W43", status: "sent" });

    // Monday 09:00 in Vladivostok is Sunday 23:00 UTC.
    expect(await sendDueDigests(db, new Date("2025-10-19T23:00:00Z"))).toHaveLength(1);
    expect(api.textsTo(farEast.telegramChatId)).toEqual([DIGEST_RU]);
  });

  it("keeps a filtered group to its connections, in English, and skips a chat with nothing to tell", async () => {
    const { user, organizationId, openstack } = await seedDigestOrganization();
    await insertDailyCosts(organizationId, openstack.id, { ...days("2025-10-13", 7, () => "10.00"), ...days("2025-10-20", 7, () => "20.00") }, { service: "Compute" });
    const group = await createLinkedChat({ organizationId, userId: user.id, kind: "group", locale: "en", connectionIds: [openstack.id] });
    const empty = await organizationWithConnection("Empty");
    const emptyChat = await createLinkedChat({ organizationId: empty.organizationId, userId: empty.user.id });

    // Monday 27 October, 09:10 in Moscow.
    await sendDueDigests(db, new Date("2025-10-27T06:10:00Z"));
    expect(telegram.api().textsTo(group.telegramChatId)).toEqual([
      [
        "📊 <b>Weekly digest: October 20 — October 26</b>",
        `Spend: <b>${rub("140.00", "en")}</b> (▲ +100.0% on the week before: ${rub("70.00", "en")})`,
        "",
        "Top services:",
        `1. Compute — ${rub("140.00", "en")}`,
        "",
        // 26 complete days (210 ₽) + 140 ₽ ÷ 7 × 5 days left.
        `Month to date: <b>${rub("210.00", "en")}</b>, month-end forecast: <b>${rub("310.00", "en")}</b>`,
      ].join("\n"),
    ]);
    expect(telegram.api().textsTo(emptyChat.telegramChatId)).toEqual([]);
  });
});
