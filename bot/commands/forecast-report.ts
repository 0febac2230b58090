import { addDays, monthEndOf, monthStartOf } from "../../server/services/costs/calendar-days";
import { decimal, formatMoney, ZERO } from "../../server/services/costs/money";
import { forecastWindows, FORECAST_BASE_DAYS, projectMonthEnd } from "../../server/services/dashboard/project-month-end";
import { money } from "../format/format-amounts";
import { formatDayRange, formatMonth } from "../format/format-days";
import { allowedConnections, chatCostFilters } from "./chat-filter";
import { chatToday } from "./chat-today";
import type { CommandScope } from "./command-scope";
import type { DayRange } from "./cost-periods";
import { scopeLabel } from "./scope-label";

/**
 * /forecast's answer (HTML): the dashboard's month-end rule (projectMonthEnd) over the chat's scope, with month to
 * date and last month's total beside it. The sums come from the cost explorer (the chat's filters apply) in kopecks,
 * so a filtered or unfiltered answer may differ from the dashboard's exact-sum forecast by a kopeck or two.
 */
export async function forecastReport(scope: CommandScope): Promise<string> {
  const { caller, chat, locale, t } = scope;
  const [today, connections] = await Promise.all([chatToday(caller), allowedConnections(caller, chat)]);
  const windows = forecastWindows(today);
  const lastMonth: DayRange = { from: monthStartOf(addDays(windows.monthStart, -1)), to: monthEndOf(addDays(windows.monthStart, -1)) };
  const filters = chatCostFilters(chat);
  const spendIn = async (range: DayRange | null) => {
    if (!range) return { total: ZERO, currency: "RUB" };
    const result = await caller.costExplorer.query({ range, granularity: "month", groupBy: "connection", pageSize: 1, filters });
    return { total: decimal(result.totals.total), currency: result.currency };
  };
  const [monthToDate, completeDays, base, previous] = await Promise.all([
    spendIn({ from: windows.monthStart, to: today }),
    spendIn(windows.completeDays),
    spendIn(windows.base),
    spendIn(lastMonth),
  ]);
  const forecast = projectMonthEnd({
    completeDays: completeDays.total,
    base: base.total,
    daysLeft: windows.daysLeft,
    hasData: [monthToDate, base, previous].some((part) => !part.total.isZero()),
  });
  const currency = monthToDate.currency;
  const lines = [
    t("forecast-title", { month: formatMonth(today, locale), scope: scopeLabel(t, chat, connections) }),
    forecast ? t("forecast-amount", { amount: money(formatMoney(forecast), locale, currency) }) : t("forecast-no-data"),
    t("forecast-month-to-date", { range: formatDayRange(windows.monthStart, today, locale), amount: money(formatMoney(monthToDate.total), locale, currency) }),
    t("forecast-previous-month", { month: formatMonth(lastMonth.from, locale), amount: money(formatMoney(previous.total), locale, currency) }),
  ];
  if (forecast) lines.push("", t("forecast-rule", { baseDays: FORECAST_BASE_DAYS, daysLeft: windows.daysLeft }));
  return lines.join("\n");
}
