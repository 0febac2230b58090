import { Composer } from "grammy";
import { db } from "../../server/db";
import type { BotContext } from "../context";
import { redeemFromChat } from "../linking/redeem-from-chat";

export const startFeature = new Composer<BotContext>();

/**
 * /start <code> (what the t.me deep link sends) links the private chat to the code's user. A bare /start welcomes
 * and explains how to link, or says which organization the chat already belongs to.
 */
startFeature.chatType("private").command("start", async (ctx) => {
  const code = ctx.match.trim();
  if (code) {
    await ctx.reply(await redeemFromChat(ctx, code));
    return;
  }
  if (!ctx.linkedChat) {
    await ctx.reply(ctx.t("start-welcome"));
    return;
  }
  const organization = await db.organization.findUnique({ where: { id: ctx.linkedChat.organizationId }, select: { name: true } });
  await ctx.reply(ctx.t("start-already-linked", { organization: organization?.name ?? "—" }));
});

startFeature.chatType(["group", "supergroup"]).command("start", (ctx) => ctx.reply(ctx.t("start-in-group")));
