"use client";

import type { CostExplorerInput, CostExplorerResult } from "@/server/services/costs/cost-query-contract";
import { formatMoney, formatNumber } from "../../../../_i18n/format";
import { Pager } from "../../../../_components/pager";
import { useI18n } from "../../../../_i18n/i18n-provider";
import { bucketLabel } from "./bucket-label";
import { PAGE_SIZES } from "./explorer-params";
import type { GroupLabel } from "./group-label";

type SortBy = CostExplorerInput["sort"]["by"];

/** One row per group, one column per bucket; the group column stays put while the buckets scroll sideways. */
export function ExplorerTable({ result, input, onChange, onPage, groupLabel }: {
  result: CostExplorerResult;
  input: CostExplorerInput;
  onChange: (changes: Partial<CostExplorerInput>) => void;
  onPage: (page: number) => void;
  groupLabel: GroupLabel;
}) {
  const { locale, t } = useI18n();
  const money = (amount: string) => formatMoney(amount, result.currency, locale);
  const { page, pageCount } = result.pagination;
  const sortBy = (by: SortBy) => {
    const same = input.sort.by === by;
    const direction = same ? (input.sort.direction === "asc" ? "desc" : "asc") : by === "label" ? "asc" : "desc";
    onChange({ sort: { by, direction } });
  };
  const header = (by: SortBy, label: string, className: string) => {
    const active = input.sort.by === by;
    const ariaSort = active ? (input.sort.direction === "asc" ? "ascending" : "descending") : "none";
    return (
      <th scope="col" aria-sort={ariaSort} className={className}>
        <button type="button" className="inline-flex items-center gap-1 font-semibold hover:text-brand-primary" onClick={() => sortBy(by)} data-testid={`sort-${by}`}>
          {label}
          <span aria-hidden className={active ? "text-brand-primary" : "text-gray-300"}>{active && input.sort.direction === "asc" ? "▲" : "▼"}</span>
          {active && <span className="sr-only">({t(input.sort.direction === "asc" ? "costs.table.sortAsc" : "costs.table.sortDesc")})</span>}
        </button>
      </th>
    );
  };
  const sticky = "sticky left-0 z-10 bg-white";
  return (
    <div className="space-y-3">
      <div className="overflow-x-auto rounded-md border border-gray-200" data-testid="explorer-table-scroll">
        <table className="min-w-full text-sm" data-testid="explorer-table">
          <thead className="bg-surface-muted text-left text-ink">
            <tr>
              {header("label", t("costs.table.group"), `${sticky} min-w-[14rem] bg-surface-muted px-3 py-2`)}
              {header("total", t("costs.table.total"), "whitespace-nowrap px-3 py-2 text-right")}
              {result.buckets.map((bucket) => (
                <th key={bucket} scope="col" className="whitespace-nowrap px-3 py-2 text-right font-medium text-ink-muted" data-bucket={bucket}>{bucketLabel(bucket, result.granularity, locale, t)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {result.rows.map((row) => (
              <tr key={row.key ?? "∅"} className="border-t border-gray-100 hover:bg-gray-50" data-testid="explorer-row" data-key={row.key ?? ""}>
                <th scope="row" className={`${sticky} max-w-[20rem] truncate px-3 py-2 text-left font-medium`} data-testid="explorer-row-label">{groupLabel(row.key, row.label)}</th>
                <td className="whitespace-nowrap px-3 py-2 text-right font-semibold tabular-nums" data-testid="explorer-row-total" data-amount={row.total}>{money(row.total)}</td>
                {row.byBucket.map((cost, index) => (
                  <td key={result.buckets[index]} className="whitespace-nowrap px-3 py-2 text-right tabular-nums text-ink-muted">{Number(cost) === 0 ? "—" : money(cost)}</td>
                ))}
              </tr>
            ))}
          </tbody>
          <tfoot className="border-t-2 border-gray-300 bg-surface-muted font-semibold">
            <tr data-testid="explorer-totals">
              <th scope="row" className={`${sticky} bg-surface-muted px-3 py-2 text-left`}>{t("costs.table.totals")}</th>
              <td className="whitespace-nowrap px-3 py-2 text-right tabular-nums" data-testid="explorer-grand-total" data-amount={result.totals.total}>{money(result.totals.total)}</td>
              {result.totals.byBucket.map((cost, index) => (
                <td key={result.buckets[index]} className="whitespace-nowrap px-3 py-2 text-right tabular-nums">{money(cost)}</td>
              ))}
            </tr>
          </tfoot>
        </table>
      </div>
      <div className="flex flex-wrap items-center justify-between gap-3 text-sm text-ink-muted">
        <label className="flex items-center gap-2">
          {t("costs.table.pageSize")}
          <select className="input w-auto py-1" value={input.pageSize} onChange={(event) => onChange({ pageSize: Number(event.target.value) })} data-testid="explorer-page-size">
            {PAGE_SIZES.map((size) => <option key={size} value={size}>{formatNumber(size, locale)}</option>)}
          </select>
        </label>
        {pageCount > 1 && (
          <Pager page={page} pages={pageCount} onPage={onPage} testId="explorer-pager" />
        )}
      </div>
    </div>
  );
}
