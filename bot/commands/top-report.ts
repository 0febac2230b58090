import { decimal } from "../../server/services/costs/money";
import { clipName } from "../format/clip-text";
import { escapeHtml } from "../format/escape-html";
import { fitLines, itemLine } from "../format/fit-lines";
import { money } from "../format/format-amounts";
import { formatDayRange } from "../format/format-days";
import { allowedConnections, chatCostFilters } from "./chat-filter";
import type { CommandScope } from "./command-scope";

/**
 * /top's answer (HTML): the most expensive resources of the last 30 days in the chat's scope. The explorer keys a
 * resource by its provider id alone, so each allowed connection is asked on its own (an organization has a
 * handful): that names each resource's connection and keeps equal ids of two clouds apart. Long names are clipped
 * and the list stops, with "…and n more", where one Telegram message would end.
 */
export async function topReport(scope: CommandScope, count: number): Promise<string> {
  const { caller, chat, locale, t } = scope;
  const connections = await allowedConnections(caller, chat);
  const perConnection = await Promise.all(
    connections.map(async (connection) => {
      const result = await caller.costExplorer.query({ range: { preset: "30d" }, granularity: "month", groupBy: "resource", pageSize: count, filters: chatCostFilters(chat, connection.id) });
      return { result, rows: result.rows.map((row) => ({ ...row, connection, cost: decimal(row.total), currency: result.currency })) };
    }),
  );
  // Largest first; ties keep the connections' order (by name), then the explorer's (by resource id): a stable answer.
  const ranked = perConnection
    .flatMap((part) => part.rows)
    .filter((row) => !row.cost.isZero())
    .map((row, order) => ({ row, order }))
    .sort((x, y) => y.row.cost.comparedTo(x.row.cost) || x.order - y.order)
    .slice(0, count);
  const period = perConnection[0]?.result.period;
  const title = t("top-title", { count: ranked.length || count, range: period ? formatDayRange(period.from, period.to, locale) : t("top-range-30d") });
  if (ranked.length === 0) return [title, t("top-none")].join("\n");
  const lines = ranked.map(({ row }, index) =>
    itemLine(t("top-line", { rank: index + 1, name: escapeHtml(clipName(row.label)), amount: money(row.total, locale, row.currency), connection: escapeHtml(clipName(row.connection.name)) })),
  );
  return fitLines({ head: [title], body: lines, more: (rest) => t("list-more", { count: rest }) });
}
