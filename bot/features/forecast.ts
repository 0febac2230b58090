import { Composer } from "grammy";
import { commandScopeOf } from "../commands/command-scope";
import { forecastReport } from "../commands/forecast-report";
import type { BotContext } from "../context";
import { requireLinkedChat } from "../middleware/require-linked-chat";

export const forecastFeature = new Composer<BotContext>();

/** /forecast: the month-end projection the dashboard shows, within the chat's scope. */
forecastFeature.command("forecast", requireLinkedChat, async (ctx) => {
  const scope = await commandScopeOf(ctx);
  if (!scope) return;
  await ctx.reply(await forecastReport(scope), { parse_mode: "HTML" });
});
