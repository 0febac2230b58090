import type { PrismaClient } from "../../db";
import { buildCsv } from "./build-cost-csv";
import type { CostExplorerCsv } from "./cost-query-contract";
import { formatMoney } from "./money";
import { collectCostExplorer } from "./query-cost-explorer";
import type { CostClock } from "./resolve-period";

/** Every row of the explorer query in the table's order and columns: group, one column per bucket, total; totals last. */
export async function exportCostExplorerCsv(db: PrismaClient, organizationId: string, rawInput: unknown, clock: CostClock): Promise<CostExplorerCsv> {
  const data = await collectCostExplorer(db, organizationId, { ...(rawInput as object), page: 1, pageSize: 1 }, clock, "all");
  const { input, period } = data;
  const groupColumn = input.groupBy === "tag" ? `tag:${input.tagKey}` : input.groupBy;
  const header = [groupColumn, ...data.buckets, "total"];
  const rows = data.rows.map((row) => [row.label, ...row.byBucket.map(formatMoney), formatMoney(row.total)]);
  rows.push(["Total", ...data.totals.byBucket.map(formatMoney), formatMoney(data.totals.total)]);
  return {
    filename: `infrazen-costs-by-${input.groupBy}-${input.granularity}-${period.from}-${period.to}.csv`,
    content: buildCsv(header, rows),
    rowCount: data.rows.length,
  };
}
