import type { PrismaClient } from "../../db";
import type { DashboardOverview, ResolvedPeriod } from "../costs/cost-query-contract";
import { decimal, formatMoney, sum } from "../costs/money";

const TOP_SERVICES = 8;

/** The 8 largest services; the rest, and charges without a service, fold into one "other" entry (service null). */
export async function queryCostByService(db: PrismaClient, organizationId: string, period: ResolvedPeriod): Promise<DashboardOverview["byService"]> {
  const rows = await db.$queryRaw<{ service: string | null; cost: string }[]>`
    SELECT NULLIF(s."serviceName", '') AS service, SUM(s."billedCost")::text AS cost
    FROM "CostDailyServiceRollup" s
    WHERE s."organizationId" = ${organizationId} AND s."day" BETWEEN ${period.from}::date AND ${period.to}::date
    GROUP BY 1
    ORDER BY SUM(s."billedCost") DESC, NULLIF(s."serviceName", '') COLLATE "C" ASC NULLS LAST`;
  const named = rows.filter((row) => row.service !== null);
  const top = named.slice(0, TOP_SERVICES);
  const rest = [...named.slice(TOP_SERVICES), ...rows.filter((row) => row.service === null)];
  const result: DashboardOverview["byService"] = top.map((row) => ({ service: row.service, cost: formatMoney(decimal(row.cost)) }));
  if (rest.length) result.push({ service: null, cost: formatMoney(sum(rest.map((row) => decimal(row.cost)))) });
  return result;
}
