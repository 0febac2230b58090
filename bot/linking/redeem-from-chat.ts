import { db } from "../../server/db";
import { redeemTelegramLinkCode, type RedeemFailure } from "../../server/services/telegram/redeem-telegram-link-code";
import type { BotContext } from "../context";

const FAILURE_KEYS: Record<RedeemFailure, string> = {
  invalid: "link-errors-invalid",
  expired: "link-errors-expired",
  used: "link-errors-used",
  user_code_in_group: "link-errors-user-code-in-group",
  group_code_in_private: "link-errors-group-code-in-private",
  no_longer_member: "link-errors-no-longer-member",
};

/** How a private chat is named in Settings: the Telegram account behind it. */
function privateChatTitle(ctx: BotContext): string | null {
  if (!ctx.from) return null;
  return ctx.from.username ? `@${ctx.from.username}` : [ctx.from.first_name, ctx.from.last_name].filter(Boolean).join(" ");
}

/**
 * Spends a link code for the chat it was sent from and answers in the sender's language: the greeting for a private
 * chat, the organization and the data it sees for a group, or why the code was refused.
 */
export async function redeemFromChat(ctx: BotContext, code: string): Promise<string> {
  const chat = ctx.chat!;
  const kind = chat.type === "private" ? "private" : "group";
  const result = await redeemTelegramLinkCode(db, {
    code,
    chat: { telegramChatId: String(chat.id), kind, title: chat.type === "private" ? privateChatTitle(ctx) : (chat.title ?? null) },
    telegramUserId: ctx.from?.id ?? null,
    locale: await ctx.i18n.getLocale(),
  });
  if (!result.ok) return ctx.t(FAILURE_KEYS[result.reason]);
  ctx.linkedChat = result.chat;
  if (kind === "private") return ctx.t("start-linked", { organization: result.organizationName });

  const { connections, projects } = result.filters;
  const parts = [
    connections.length ? ctx.t("link-scope-connections", { names: connections.map((item) => item.name).join(", ") }) : null,
    projects.length ? ctx.t("link-scope-projects", { names: projects.map((item) => item.name).join(", ") }) : null,
  ].filter((part): part is string => part !== null);
  const scope = parts.length ? ctx.t("link-group-scope", { scope: parts.join("; ") }) : ctx.t("link-group-scope-all");
  return `${ctx.t("link-group-done", { organization: result.organizationName })}\n${scope}`;
}
