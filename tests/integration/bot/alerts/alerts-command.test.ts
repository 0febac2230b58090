import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { ALERT_KINDS } from "@/server/notify/telegram-alert";
import { addMember, createUserWithOrganization } from "../../helpers/test-callers";
import { createLinkedChat } from "../support/linked-chat";
import { callbackQuery, groupMessage, privateMessage } from "../support/telegram-updates";
import { createTestBot } from "../support/test-bot";
import { withFakeTelegram } from "./alert-fixtures";

const telegram = withFakeTelegram();

const LABELS_RU = ["Сбой синхронизации", "Частичная синхронизация", "Новые неиспользуемые ресурсы", "Всплеск расходов за день", "Баланс меньше 14 / 7 / 3 дней", "Сводка по понедельникам"];

/** The /alerts keyboard: one row per kind, ✅ when the chat hears it, 🔕 when muted. */
function keyboard(muted: string[] = [], kinds: readonly string[] = ALERT_KINDS) {
  return { inline_keyboard: ALERT_KINDS.flatMap((kind, index) => (kinds.includes(kind) ? [kind] : []).map(() => [{ text: `${muted.includes(kind) ? "🔕" : "✅"} ${LABELS_RU[index]}`, callback_data: `alerts:toggle:${kind}` }])) };
}

describe("/alerts", () => {
  it("shows every kind with its state and toggles one per tap, editing the keyboard", async () => {
    const { user, organization } = await createUserWithOrganization();
    const chat = await createLinkedChat({ organizationId: organization.id, userId: user.id, telegramChatId: 5551001, mutedAlerts: ["weekly_digest"] });
    const bot = createTestBot(telegram.api());
    const sender = { userId: 5551001 };

    await bot.handleUpdate(privateMessage("/alerts", sender));
    const [reply] = telegram.api().callsOf("sendMessage");
    expect(reply).toMatchObject({ chat_id: 5551001, parse_mode: "HTML", text: "<b>Уведомления этого чата</b>\nНажмите на уведомление, чтобы включить или выключить его.", reply_markup: keyboard(["weekly_digest"]) });

    const messageId = 1;
    await bot.handleUpdate(callbackQuery("alerts:toggle:spend_anomaly", { chatId: 5551001, messageId }, sender));
    expect((await db.telegramChat.findUniqueOrThrow({ where: { id: chat.id } })).mutedAlerts).toEqual(["weekly_digest", "spend_anomaly"]);
    await bot.handleUpdate(callbackQuery("alerts:toggle:weekly_digest", { chatId: 5551001, messageId }, sender));
    expect((await db.telegramChat.findUniqueOrThrow({ where: { id: chat.id } })).mutedAlerts).toEqual(["spend_anomaly"]);

    expect(telegram.api().callsOf("editMessageReplyMarkup")).toEqual([
      expect.objectContaining({ chat_id: 5551001, message_id: messageId, reply_markup: keyboard(["weekly_digest", "spend_anomaly"]) }),
      expect.objectContaining({ chat_id: 5551001, message_id: messageId, reply_markup: keyboard(["spend_anomaly"]) }),
    ]);
    expect(telegram.api().callsOf("answerCallbackQuery").map((call) => call.text)).toEqual(["Выключено: Всплеск расходов за день", "Включено: Сводка по понедельникам"]);
  });

  it("in a group only the chat's admins change the alerts", async () => {
    const { user, organization } = await createUserWithOrganization();
    const group = await createLinkedChat({ organizationId: organization.id, userId: user.id, kind: "group" });
    const groupChatId = Number(group.telegramChatId);
    const bot = createTestBot(telegram.api());

    await bot.handleUpdate(groupMessage("/alerts", { chatId: groupChatId }, { userId: 5552001 }));
    expect(telegram.api().textsTo(groupChatId)).toEqual(["<b>Уведомления этого чата</b>\nНажмите на уведомление, чтобы включить или выключить его.\nВ группе их меняют администраторы чата."]);

    await bot.handleUpdate(callbackQuery("alerts:toggle:low_balance", { chatId: groupChatId, messageId: 7 }, { userId: 5552001 }));
    expect(telegram.api().callsOf("getChatMember")).toEqual([expect.objectContaining({ chat_id: groupChatId, user_id: 5552001 })]);
    expect(telegram.api().callsOf("answerCallbackQuery")).toEqual([expect.objectContaining({ text: "Уведомления группы меняют только администраторы чата.", show_alert: true })]);
    expect(telegram.api().callsOf("editMessageReplyMarkup")).toEqual([]);
    expect((await db.telegramChat.findUniqueOrThrow({ where: { id: group.id } })).mutedAlerts).toEqual([]);

    telegram.api().setChatMemberStatus(groupChatId, 5552002, "administrator");
    await bot.handleUpdate(callbackQuery("alerts:toggle:low_balance", { chatId: groupChatId, messageId: 7 }, { userId: 5552002 }));
    expect((await db.telegramChat.findUniqueOrThrow({ where: { id: group.id } })).mutedAlerts).toEqual(["low_balance"]);
    expect(telegram.api().callsOf("editMessageReplyMarkup")).toEqual([expect.objectContaining({ chat_id: groupChatId, message_id: 7, reply_markup: keyboard(["low_balance"]) })]);
  });

  it("offers the weekly digest only where it is sent: not in a plain member's private chat", async () => {
    const { organization } = await createUserWithOrganization();
    const member = await addMember(organization.id, "member");
    await createLinkedChat({ organizationId: organization.id, userId: member.user.id, telegramChatId: 5554001 });
    const bot = createTestBot(telegram.api());
    await bot.handleUpdate(privateMessage("/alerts", { userId: 5554001 }));
    expect(telegram.api().callsOf("sendMessage")[0]!.reply_markup).toEqual(keyboard([], ALERT_KINDS.filter((kind) => kind !== "weekly_digest")));
    await bot.handleUpdate(callbackQuery("alerts:toggle:weekly_digest", { chatId: 5554001, messageId: 2 }, { userId: 5554001 }));
    expect(telegram.api().callsOf("answerCallbackQuery").map((call) => call.text)).toEqual(["Эта кнопка устарела: отправьте /alerts ещё раз."]);
  });

  it("refuses forged buttons and unlinked chats", async () => {
    const { user, organization } = await createUserWithOrganization();
    const chat = await createLinkedChat({ organizationId: organization.id, userId: user.id, telegramChatId: 5553001 });
    const bot = createTestBot(telegram.api());

    for (const data of ["alerts:toggle:everything", "alerts:toggle:", "alerts:mute:low_balance"]) {
      await bot.handleUpdate(callbackQuery(data, { chatId: 5553001, messageId: 3 }, { userId: 5553001 }));
    }
    await bot.handleUpdate(callbackQuery("alerts:toggle:low_balance", { chatId: 5553999, messageId: 3 }, { userId: 5553999 }));
    expect(telegram.api().callsOf("answerCallbackQuery").map((call) => call.text)).toEqual(Array(4).fill("Эта кнопка устарела: отправьте /alerts ещё раз."));
    expect(telegram.api().callsOf("editMessageReplyMarkup")).toEqual([]);
    expect((await db.telegramChat.findUniqueOrThrow({ where: { id: chat.id } })).mutedAlerts).toEqual([]);

    await bot.handleUpdate(privateMessage("/alerts", { userId: 5553999 }));
    expect(telegram.api().textsTo(5553999)).toEqual([expect.stringContaining("Этот чат ещё не связан с InfraZen")]);
  });
});
