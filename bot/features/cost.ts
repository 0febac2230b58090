import { Composer } from "grammy";
import { allowedConnections } from "../commands/chat-filter";
import { chatToday } from "../commands/chat-today";
import { commandScopeOf } from "../commands/command-scope";
import { parseCostArgs } from "../commands/cost-args";
import { parseCostCallback, type CostSelection } from "../commands/cost-callback";
import { costKeyboard, costReport } from "../commands/cost-report";
import { isMessageNotModified } from "../commands/message-not-modified";
import type { BotContext } from "../context";
import { escapeHtml } from "../format/escape-html";
import { requireLinkedChat } from "../middleware/require-linked-chat";
import { findConnectionByName } from "../runtime/chat-scope";

export const costFeature = new Composer<BotContext>();

/**
 * /cost [today|week|month] [connection]: without arguments the month, with buttons to switch period and
 * connection; a press edits the same message. Names are looked up among the chat's allowed connections only.
 */
costFeature.command("cost", requireLinkedChat, async (ctx) => {
  const scope = await commandScopeOf(ctx);
  if (!scope) return;
  const args = parseCostArgs(ctx.match);
  const [connections, today] = await Promise.all([allowedConnections(scope.caller, scope.chat), chatToday(scope.caller)]);
  let connectionId: string | null = null;
  if (args.connection) {
    const connection = findConnectionByName(connections, args.connection);
    if (!connection) {
      const names = connections.map((item) => escapeHtml(item.name)).join(", ") || scope.t("cost-scope-none");
      await ctx.reply(scope.t("cost-connection-unknown", { name: escapeHtml(args.connection), names }), { parse_mode: "HTML" });
      return;
    }
    connectionId = connection.id;
  }
  const selection: CostSelection = { period: args.period ?? "month", connectionId };
  const text = await costReport(scope, today, selection, connections);
  const withButtons = !args.period && !args.connection;
  await ctx.reply(text, { parse_mode: "HTML", reply_markup: withButtons ? costKeyboard(scope, selection, connections) : undefined });
});

costFeature.callbackQuery(/^cost:/, requireLinkedChat, async (ctx) => {
  const scope = await commandScopeOf(ctx);
  if (!scope) return;
  const selection = parseCostCallback(ctx.callbackQuery.data);
  if (!selection) {
    await ctx.answerCallbackQuery({ text: scope.t("cost-button-stale") });
    return;
  }
  const [connections, today] = await Promise.all([allowedConnections(scope.caller, scope.chat), chatToday(scope.caller)]);
  // Anyone can send any callback data: the connection must still be one this chat may see.
  if (selection.connectionId && !connections.some((connection) => connection.id === selection.connectionId)) {
    await ctx.answerCallbackQuery({ text: scope.t("cost-button-refused"), show_alert: true });
    return;
  }
  const text = await costReport(scope, today, selection, connections);
  try {
    await ctx.editMessageText(text, { parse_mode: "HTML", reply_markup: costKeyboard(scope, selection, connections) });
  } catch (error) {
    if (!isMessageNotModified(error)) throw error;
  }
  await ctx.answerCallbackQuery();
});
