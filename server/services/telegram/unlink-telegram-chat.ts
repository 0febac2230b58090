import type { PrismaClient, TelegramChat } from "../../db";
import { AppError } from "../../api/app-error";
import { recordAuditEvent, type RequestIdentity } from "../audit/record-audit-event";

/** Deletes a chat's link (its pending deliveries go with it) and records who did it and from where. */
export async function removeTelegramChatLink(
  db: PrismaClient,
  identity: RequestIdentity,
  chat: Pick<TelegramChat, "id" | "organizationId" | "telegramChatId" | "kind" | "title">,
  via: "web" | "telegram",
  metadata: Record<string, string | number | null> = {},
) {
  await db.$transaction(async (tx) => {
    await tx.telegramChat.delete({ where: { id: chat.id } });
    await recordAuditEvent(tx, identity, {
      action: "telegram.unlink",
      organizationId: chat.organizationId,
      targetType: "telegram_chat",
      targetId: chat.id,
      metadata: { telegramChatId: chat.telegramChatId, kind: chat.kind, title: chat.title, via, ...metadata },
    });
  });
}

/**
 * Unlink from Settings: a member removes their own private chat; groups need manage_organization. Someone else's
 * private chat answers NOT_FOUND, as does any chat of another organization.
 */
export async function unlinkTelegramChat(
  db: PrismaClient,
  identity: RequestIdentity,
  input: { organizationId: string; userId: string; chatId: string; canManageOrganization: boolean },
) {
  const chat = await db.telegramChat.findFirst({ where: { id: input.chatId, organizationId: input.organizationId } });
  if (!chat || (chat.kind === "private" && chat.userId !== input.userId)) throw new AppError("NOT_FOUND", "telegram.errors.chatNotFound");
  if (chat.kind === "group" && !input.canManageOrganization) throw new AppError("FORBIDDEN", "telegram.errors.groupNeedsAdmin");
  await removeTelegramChatLink(db, identity, chat, "web");
  return { unlinked: chat.id };
}
