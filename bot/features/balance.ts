import { Composer } from "grammy";
import { balanceReport } from "../commands/balance-report";
import { commandScopeOf } from "../commands/command-scope";
import type { BotContext } from "../context";
import { requireLinkedChat } from "../middleware/require-linked-chat";

export const balanceFeature = new Composer<BotContext>();

/** /balance: balances and days until suspension of the connections the chat may see. */
balanceFeature.command("balance", requireLinkedChat, async (ctx) => {
  const scope = await commandScopeOf(ctx);
  if (!scope) return;
  await ctx.reply(await balanceReport(scope), { parse_mode: "HTML" });
});
