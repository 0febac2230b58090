import { InlineKeyboard } from "grammy";
import { changePercent, decimal } from "../../server/services/costs/money";
import { escapeHtml } from "../format/escape-html";
import { money, percentChange } from "../format/format-amounts";
import { formatDayRange } from "../format/format-days";
import { chatCostFilters, type ChatConnection } from "./chat-filter";
import type { CommandScope } from "./command-scope";
import { costCallbackData, type CostSelection } from "./cost-callback";
import { costPeriodRanges, COST_PERIODS } from "./cost-periods";
import { scopeLabel } from "./scope-label";

const TOP_SERVICES = 5;
/** Telegram shows long button labels cut anyway; keep rows readable. */
const BUTTON_LABEL_MAX = 32;

/**
 * /cost's answer (HTML): the period's spend in the chat's scope (or one allowed connection), the change against the
 * period it is compared with (named in the text), and the top services.
 */
export async function costReport(scope: CommandScope, today: string, selection: CostSelection, connections: readonly ChatConnection[]): Promise<string> {
  const { caller, chat, locale, t } = scope;
  const picked = selection.connectionId ? (connections.find((connection) => connection.id === selection.connectionId) ?? null) : null;
  const filters = chatCostFilters(chat, picked?.id);
  const { current, previous } = costPeriodRanges(selection.period, today);
  const [now, before] = await Promise.all([
    caller.costExplorer.query({ range: current, groupBy: "service", pageSize: TOP_SERVICES, filters }),
    caller.costExplorer.query({ range: previous, granularity: "month", groupBy: "connection", pageSize: 1, filters }),
  ]);
  const total = decimal(now.totals.total);
  const previousTotal = decimal(before.totals.total);
  const change = changePercent(total, previousTotal);
  const previousRange = formatDayRange(previous.from, previous.to, locale);
  const lines = [
    t("cost-title", { period: selection.period, scope: scopeLabel(t, chat, connections, picked) }),
    t("cost-total", { range: formatDayRange(current.from, current.to, locale), amount: money(now.totals.total, locale, now.currency) }),
    change === null
      ? t("cost-no-previous", { period: selection.period, previousRange })
      : t("cost-change", { change: percentChange(change, locale), period: selection.period, previousRange, previous: money(before.totals.total, locale, before.currency) }),
  ];
  if (total.isZero()) return [...lines, "", t("cost-no-spend")].join("\n");
  const services = now.rows.map((row, index) =>
    t("cost-service-line", { rank: index + 1, service: row.key === null ? t("cost-service-none") : escapeHtml(row.label), amount: money(row.total, locale, now.currency) }),
  );
  return [...lines, "", t("cost-services-title"), ...services].join("\n");
}

const label = (text: string, selected: boolean) => {
  const short = text.length > BUTTON_LABEL_MAX ? `${text.slice(0, BUTTON_LABEL_MAX - 1)}…` : text;
  return selected ? `• ${short}` : short;
};

/** Period buttons, then "all" and each allowed connection (two a row); the current choice is marked. */
export function costKeyboard(scope: Pick<CommandScope, "t">, selection: CostSelection, connections: readonly ChatConnection[]): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  for (const period of COST_PERIODS) keyboard.text(label(scope.t(`cost-button-${period}`), selection.period === period), costCallbackData({ ...selection, period }));
  const targets = [{ id: null, name: scope.t("cost-button-all") }, ...connections.map((connection) => ({ id: connection.id, name: connection.name }))];
  targets.forEach((target, index) => {
    if (index % 2 === 0) keyboard.row();
    keyboard.text(label(target.name, selection.connectionId === target.id), costCallbackData({ ...selection, connectionId: target.id }));
  });
  return keyboard;
}
