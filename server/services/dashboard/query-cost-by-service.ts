import type { DashboardOverview } from "../costs/cost-query-contract";
import { decimal, formatMoney, sum } from "../costs/money";
import type { PeriodSpend } from "./query-period-spend";

const TOP_SERVICES = 8;

/** The 8 largest services (rows come largest first); the rest, and charges without a service, fold into one "other" entry (service null). */
export function buildCostByService(rows: PeriodSpend["byService"]): DashboardOverview["byService"] {
  const named = rows.filter((row) => row.service !== null);
  const top = named.slice(0, TOP_SERVICES);
  const rest = [...named.slice(TOP_SERVICES), ...rows.filter((row) => row.service === null)];
  const result: DashboardOverview["byService"] = top.map((row) => ({ service: row.service, cost: formatMoney(decimal(row.cost)) }));
  if (rest.length) result.push({ service: null, cost: formatMoney(sum(rest.map((row) => decimal(row.cost)))) });
  return result;
}
