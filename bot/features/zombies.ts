import { Composer } from "grammy";
import { commandScopeOf } from "../commands/command-scope";
import { zombiesReport } from "../commands/zombies-report";
import type { BotContext } from "../context";
import { requireLinkedChat } from "../middleware/require-linked-chat";

export const zombiesFeature = new Composer<BotContext>();

/** /zombies: resources billed after deletion and orphans, with what they cost a month. */
zombiesFeature.command("zombies", requireLinkedChat, async (ctx) => {
  const scope = await commandScopeOf(ctx);
  if (!scope) return;
  await ctx.reply(await zombiesReport(scope), { parse_mode: "HTML" });
});
