import type { PrismaClient } from "../../db";
import { t, type Locale } from "../../i18n";
import { buildCsv } from "../export/build-csv";
import { dashboardOverviewInput, type CostExplorerCsv } from "../costs/cost-query-contract";
import { loadCostLookups, providerName } from "../costs/load-cost-lookups";
import { decimal, formatMoney, sum } from "../costs/money";
import { resolvePeriod, type CostClock } from "../costs/resolve-period";

/** The period's spend as a flat table: one line per day × connection × service, then the total (labels in the reader's language). */
export async function exportDashboardCsv(db: PrismaClient, organizationId: string, rawInput: unknown, clock: CostClock, locale: Locale = "ru"): Promise<CostExplorerCsv> {
  const input = dashboardOverviewInput.parse(rawInput);
  const period = resolvePeriod(input.range, clock);
  const lookups = await loadCostLookups(db, organizationId);
  const rows = await db.$queryRaw<{ day: string; connectionId: string; providerId: string; service: string; cost: string }[]>`
    SELECT to_char(s."day", 'YYYY-MM-DD') AS day, s."connectionId", s."providerId", s."serviceName" AS service, SUM(s."billedCost")::text AS cost
    FROM "CostDailyServiceRollup" s
    WHERE s."organizationId" = ${organizationId} AND s."day" BETWEEN ${period.from}::date AND ${period.to}::date
    GROUP BY s."day", 2, 3, 4`;
  const lines = rows
    .map((row) => ({ ...row, connection: lookups.connectionNames.get(row.connectionId) ?? row.connectionId }))
    .sort((a, b) => a.day.localeCompare(b.day) || a.connection.localeCompare(b.connection) || a.connectionId.localeCompare(b.connectionId) || a.service.localeCompare(b.service));
  const body = lines.map((row) => [row.day, row.connection, providerName(row.providerId), row.service, formatMoney(decimal(row.cost))]);
  body.push([t(locale, "costs.table.totals"), "", "", "", formatMoney(sum(rows.map((row) => decimal(row.cost))))]);
  return {
    filename: `infrazen-costs-${period.from}-${period.to}.csv`,
    content: buildCsv([t(locale, "costs.csv.date"), t(locale, "costs.dimensions.connection"), t(locale, "costs.dimensions.provider"), t(locale, "costs.dimensions.service"), t(locale, "costs.csv.cost")], body),
    rowCount: lines.length,
  };
}
