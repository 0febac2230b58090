import { money } from "../format/format-amounts";
import { formatDayRange, formatMonth } from "../format/format-days";
import { allowedConnections, chatCostFilters } from "./chat-filter";
import type { CommandScope } from "./command-scope";
import { scopeLabel } from "./scope-label";

/**
 * /forecast's answer (HTML): the dashboard's month-end rule over the chat's scope (costExplorer.monthForecast, exact
 * sums), with month to date and last month's total beside it.
 */
export async function forecastReport(scope: CommandScope): Promise<string> {
  const { caller, chat, locale, t } = scope;
  // The procedure's "today" is the acting user's, as everywhere in the bot (chatToday).
  const [result, connections] = await Promise.all([caller.costExplorer.monthForecast({ filters: chatCostFilters(chat) }), allowedConnections(caller, chat)]);
  const today = result.today;
  const amount = (value: string) => money(value, locale, result.currency);
  const lines = [
    t("forecast-title", { month: formatMonth(today, locale), scope: scopeLabel(t, chat, connections) }),
    result.forecast ? t("forecast-amount", { amount: amount(result.forecast) }) : t("forecast-no-data"),
    t("forecast-month-to-date", { range: formatDayRange(result.monthStart, today, locale), amount: amount(result.monthToDate) }),
    t("forecast-previous-month", { month: formatMonth(result.previousMonth.start, locale), amount: amount(result.previousMonth.total) }),
  ];
  if (result.forecast) lines.push("", t("forecast-rule", { baseDays: result.baseDays, daysLeft: result.daysLeft }));
  return lines.join("\n");
}
