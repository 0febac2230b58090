import type { BotContext } from "../context";

/**
 * Who may change a chat's link or settings from Telegram: anyone in a private chat; in a group its creator and
 * admins (an anonymous admin posts as the group itself). Their InfraZen account is not required: linking the
 * group was an organization admin's decision, running it is the group admins'.
 */
export async function isTelegramChatAdmin(ctx: BotContext): Promise<boolean> {
  if (ctx.chat?.type === "private") return true;
  if (ctx.msg?.sender_chat?.id !== undefined && ctx.msg.sender_chat.id === ctx.chat?.id) return true;
  if (!ctx.from) return false;
  const member = await ctx.getChatMember(ctx.from.id);
  return member.status === "creator" || member.status === "administrator";
}
