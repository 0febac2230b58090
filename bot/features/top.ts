import { Composer } from "grammy";
import { commandScopeOf } from "../commands/command-scope";
import { parseTopCount, TOP_MAX } from "../commands/top-args";
import { topReport } from "../commands/top-report";
import type { BotContext } from "../context";
import { requireLinkedChat } from "../middleware/require-linked-chat";

export const topFeature = new Composer<BotContext>();

/** /top [n]: the n most expensive resources of the last 30 days (10 by default, at most 25). */
topFeature.command("top", requireLinkedChat, async (ctx) => {
  const scope = await commandScopeOf(ctx);
  if (!scope) return;
  const count = parseTopCount(ctx.match);
  if (count === null) {
    await ctx.reply(scope.t("top-usage", { max: TOP_MAX }));
    return;
  }
  await ctx.reply(await topReport(scope, count), { parse_mode: "HTML" });
});
