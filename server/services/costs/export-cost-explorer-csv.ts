import type { PrismaClient } from "../../db";
import { t, type Locale } from "../../i18n";
import { buildCsv } from "../export/build-csv";
import type { CostExplorerCsv } from "./cost-query-contract";
import { formatUnits } from "./money";
import { collectCostExplorer } from "./query-cost-explorer";
import type { CostClock } from "./resolve-period";

/**
 * Every row of the explorer query in the table's order and columns: group, one column per bucket, total; totals last.
 * Labels follow the reader's language as the table does; buckets stay ISO dates and amounts dot decimals, so the
 * file sorts and sums the same in any spreadsheet locale.
 */
export async function exportCostExplorerCsv(db: PrismaClient, organizationId: string, rawInput: unknown, clock: CostClock, locale: Locale = "ru"): Promise<CostExplorerCsv> {
  const data = await collectCostExplorer(db, organizationId, { ...(rawInput as object), page: 1, pageSize: 1 }, clock, "all");
  const { input, period } = data;
  const dimension = t(locale, `costs.dimensions.${input.groupBy}`);
  const groupColumn = input.groupBy === "tag" ? `${dimension}: ${input.tagKey}` : dimension;
  const header = [groupColumn, ...data.buckets, t(locale, "costs.table.total")];
  const rows = data.rows.map((row) => [row.key === null ? t(locale, "costs.table.none") : row.label, ...row.byBucket.map(formatUnits), formatUnits(row.total)]);
  rows.push([t(locale, "costs.table.totals"), ...data.totals.byBucket.map(formatUnits), formatUnits(data.totals.total)]);
  return {
    filename: `infrazen-costs-by-${input.groupBy}-${input.granularity}-${period.from}-${period.to}.csv`,
    content: buildCsv(header, rows),
    rowCount: data.rows.length,
  };
}
