import { Composer } from "grammy";
import type { BotContext } from "../context";

export const helpFeature = new Composer<BotContext>();

/** The commands, one line each; linking is worded for where the command was sent (private chat or group). */
helpFeature.command("help", async (ctx) => {
  const where = ctx.chat.type === "private" ? "private" : "group";
  await ctx.reply([ctx.t("help-title"), ctx.t("help-commands"), "", ctx.t(`help-${where}`)].join("\n"), { parse_mode: "HTML" });
});
