import type { Update } from "grammy/types";

/** Telegram updates as the Bot API delivers them: commands carry a bot_command entity, callbacks their message. */
let updateId = 1;
let messageId = 1;

export interface Sender {
  userId: number;
  firstName?: string;
  languageCode?: string;
}

function commandEntities(text: string) {
  const command = /^\/\S+/.exec(text);
  return command ? [{ type: "bot_command" as const, offset: 0, length: command[0].length }] : undefined;
}

function from(sender: Sender) {
  return { id: sender.userId, is_bot: false, first_name: sender.firstName ?? "Test", language_code: sender.languageCode ?? "ru" };
}

export function privateMessage(text: string, sender: Sender): Update {
  return {
    update_id: updateId++,
    message: { message_id: messageId++, date: Math.floor(Date.now() / 1000), chat: { id: sender.userId, type: "private", first_name: sender.firstName ?? "Test" }, from: from(sender), text, entities: commandEntities(text) },
  } as Update;
}

export function groupMessage(text: string, group: { chatId: number; title?: string }, sender: Sender): Update {
  return {
    update_id: updateId++,
    message: { message_id: messageId++, date: Math.floor(Date.now() / 1000), chat: { id: group.chatId, type: "supergroup", title: group.title ?? "Team chat" }, from: from(sender), text, entities: commandEntities(text) },
  } as Update;
}

/** A button press on a message the bot sent earlier (chat: a private chat's user id, or a group's negative id). */
export function callbackQuery(data: string, chat: { chatId: number; messageId: number }, sender: Sender): Update {
  const chatObject = chat.chatId < 0 ? { id: chat.chatId, type: "supergroup" as const, title: "Team chat" } : { id: chat.chatId, type: "private" as const, first_name: sender.firstName ?? "Test" };
  return {
    update_id: updateId++,
    callback_query: {
      id: String(updateId * 7),
      from: from(sender),
      chat_instance: "ci",
      data,
      message: { message_id: chat.messageId, date: Math.floor(Date.now() / 1000), chat: chatObject, from: { id: 123456, is_bot: true, first_name: "InfraZen" }, text: "…" },
    },
  } as Update;
}

/** The bot's own membership changed (removed from a group, blocked in a private chat). */
export function botMembershipChanged(chatId: number, status: "left" | "kicked" | "member", sender: Sender): Update {
  const chat = chatId < 0 ? { id: chatId, type: "supergroup" as const, title: "Team chat" } : { id: chatId, type: "private" as const, first_name: sender.firstName ?? "Test" };
  const bot = { id: 123456, is_bot: true, first_name: "InfraZen", username: "infrazen_test_bot" };
  return {
    update_id: updateId++,
    my_chat_member: {
      chat,
      from: from(sender),
      date: Math.floor(Date.now() / 1000),
      old_chat_member: { status: "member", user: bot },
      new_chat_member: status === "kicked" ? { status, user: bot, until_date: 0 } : { status, user: bot },
    },
  } as Update;
}
