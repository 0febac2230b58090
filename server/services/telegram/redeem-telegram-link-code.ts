import type { PrismaClient, TelegramChat } from "../../db";
import { orgRoleCan } from "../../auth/org-permissions";
import { recordAuditEvent } from "../audit/record-audit-event";
import { nameChatFilters } from "./chat-filters";
import { botIdentity } from "./telegram-audit";
import { hashLinkCode, looksLikeLinkCode } from "./telegram-link-code";

export interface RedeemTelegramLinkCodeInput {
  code: string;
  chat: { telegramChatId: string; kind: "private" | "group"; title: string | null };
  /** Who sent the code (kept in the audit record: a Telegram account is not an InfraZen user). */
  telegramUserId: number | null;
  /** A new chat's language: what the bot already answered it in. A relinked chat keeps its own. */
  locale: string;
  now?: Date;
}

export type RedeemFailure = "invalid" | "expired" | "used" | "user_code_in_group" | "group_code_in_private" | "no_longer_member";

export type RedeemResult =
  | {
      ok: true;
      chat: TelegramChat;
      organizationName: string;
      filters: { connections: { id: string; name: string }[]; projects: { id: string; name: string }[] };
    }
  | { ok: false; reason: RedeemFailure };

/**
 * Binds the chat that sent a code to the code's organization: a private chat to the code's user, a group to the org
 * (acting as the admin who made the code, limited to the code's filters). The code is spent atomically (one
 * conditional update in the same transaction as the chat row), so two chats racing with one code cannot both win.
 * A code used in the wrong kind of chat is refused and stays usable.
 */
export async function redeemTelegramLinkCode(db: PrismaClient, input: RedeemTelegramLinkCodeInput): Promise<RedeemResult> {
  if (!looksLikeLinkCode(input.code)) return { ok: false, reason: "invalid" };
  const now = input.now ?? new Date();
  const code = await db.telegramLinkCode.findUnique({
    where: { codeHash: hashLinkCode(input.code) },
    include: { organization: { select: { name: true } }, user: { select: { timezone: true, disabledAt: true } } },
  });
  if (!code) return { ok: false, reason: "invalid" };
  if (code.purpose === "user" && input.chat.kind !== "private") return { ok: false, reason: "user_code_in_group" };
  if (code.purpose === "group" && input.chat.kind !== "group") return { ok: false, reason: "group_code_in_private" };
  if (code.usedAt) return { ok: false, reason: "used" };
  if (code.expiresAt <= now) return { ok: false, reason: "expired" };

  const membership = await db.membership.findUnique({ where: { organizationId_userId: { organizationId: code.organizationId, userId: code.userId } } });
  const stillAllowed = membership && !code.user.disabledAt && (code.purpose === "user" || orgRoleCan(membership.role, "manage_organization"));
  if (!stillAllowed) return { ok: false, reason: "no_longer_member" };

  const { telegramChatId, kind, title } = input.chat;
  const binding = {
    kind,
    title,
    organizationId: code.organizationId,
    userId: kind === "private" ? code.userId : null,
    linkedById: code.userId,
    connectionIds: code.connectionIds,
    projectIds: code.projectIds,
    // The chat's days (digest Monday, anomaly "yesterday") are its linking member's, as the commands' are.
    timezone: code.user.timezone,
  };
  const chat = await db.$transaction(async (tx) => {
    const claimed = await tx.telegramLinkCode.updateMany({ where: { id: code.id, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now, usedByChatId: telegramChatId } });
    if (claimed.count === 0) return null;
    const previous = await tx.telegramChat.findUnique({ where: { telegramChatId }, select: { id: true, organizationId: true } });
    const linked = await tx.telegramChat.upsert({
      where: { telegramChatId },
      create: { telegramChatId, ...binding, locale: input.locale },
      update: binding,
    });
    const identity = botIdentity(code.userId);
    if (previous && previous.organizationId !== code.organizationId) {
      // The chat leaves its former organization: that org's audit log says so too.
      await recordAuditEvent(tx, identity, {
        action: "telegram.unlink",
        organizationId: previous.organizationId,
        targetType: "telegram_chat",
        targetId: linked.id,
        metadata: { telegramChatId, kind, reason: "relinked_elsewhere" },
      });
    }
    await recordAuditEvent(tx, identity, {
      action: "telegram.link",
      organizationId: code.organizationId,
      targetType: "telegram_chat",
      targetId: linked.id,
      metadata: { telegramChatId, kind, title, relinked: Boolean(previous), telegramUserId: input.telegramUserId, connectionIds: code.connectionIds, projectIds: code.projectIds },
    });
    return linked;
  });
  // Lost the race: another chat spent the code (or it expired) between the read and the claim.
  if (!chat) return { ok: false, reason: "used" };

  const names = await nameChatFilters(db, chat.organizationId, [chat]);
  return { ok: true, chat, organizationName: code.organization.name, filters: names(chat) };
}
