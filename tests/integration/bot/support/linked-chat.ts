import { db } from "@/server/db";

let nextTelegramId = 7_000_000;

/** A TelegramChat row as linking leaves it (tests of other features need a linked chat, not the linking flow). */
export async function createLinkedChat(options: {
  organizationId: string;
  userId: string;
  kind?: "private" | "group";
  telegramChatId?: number;
  locale?: "ru" | "en";
  connectionIds?: string[];
  projectIds?: string[];
  mutedAlerts?: string[];
  timezone?: string;
}) {
  const kind = options.kind ?? "private";
  nextTelegramId += 1;
  const telegramChatId = options.telegramChatId ?? (kind === "private" ? nextTelegramId : -1_000_000_000_000 - nextTelegramId);
  return db.telegramChat.create({
    data: {
      telegramChatId: String(telegramChatId),
      kind,
      title: kind === "group" ? "Team chat" : null,
      organizationId: options.organizationId,
      userId: kind === "private" ? options.userId : null,
      linkedById: options.userId,
      locale: options.locale ?? "ru",
      connectionIds: options.connectionIds ?? [],
      projectIds: options.projectIds ?? [],
      mutedAlerts: options.mutedAlerts ?? [],
      timezone: options.timezone ?? "Europe/Moscow",
    },
  });
}
