"use client";

import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { CostExplorerInput, CostExplorerOptions, CostExplorerResult } from "@/server/services/costs/cost-query-contract";
import { downloadFile } from "../../../../_components/download-file";
import { useUrlState } from "../../../../_components/url-state";
import { formatNumber } from "../../../../_i18n/format";
import { useI18n } from "../../../../_i18n/i18n-provider";
import { useTRPC } from "../../../../_trpc/react";
import { ExplorerChart } from "./explorer-chart";
import { ExplorerControls } from "./explorer-controls";
import { ExplorerFilters } from "./explorer-filters";
import { explorerInputFromParams, explorerInputToParams } from "./explorer-params";
import { ExplorerTable } from "./explorer-table";
import { useGroupLabel } from "./group-label";

/** The explorer after its first server render: every control writes the URL, and the URL alone defines the query. */
export function CostExplorer({ initialInput, initialResult, options }: { initialInput: CostExplorerInput; initialResult: CostExplorerResult | null; options: CostExplorerOptions }) {
  const { locale, t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { params, update } = useUrlState();
  const input = explorerInputFromParams((key) => params.get(key), (key) => params.getAll(key));
  const seeded = JSON.stringify(input) === JSON.stringify(initialInput) && initialResult !== null;
  const result = useQuery(trpc.costExplorer.query.queryOptions(input, { initialData: seeded ? initialResult : undefined, placeholderData: keepPreviousData }));
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<string | null>(null);
  const groupLabel = useGroupLabel(input.groupBy);

  /** Any change but paging starts again at page 1: the old page number may not exist in the new result. */
  const change = (changes: Partial<CostExplorerInput>) => update(explorerInputToParams({ ...input, page: 1, ...changes }));
  const exportCsv = async () => {
    setExporting(true);
    setExportError(null);
    try {
      const { page: _page, pageSize: _pageSize, ...query } = input;
      const file = await queryClient.fetchQuery({ ...trpc.costExplorer.exportCsv.queryOptions(query), staleTime: 0 });
      downloadFile(file.filename, file.content);
    } catch (error) {
      setExportError(error instanceof Error ? error.message : t("errors.internal"));
    } finally {
      setExporting(false);
    }
  };
  const data = result.data;
  // A failed query keeps showing the previous result under the error; make clear it is not the current view.
  const stale = result.isError || result.isPlaceholderData;

  return (
    <div className="space-y-6" aria-busy={result.isFetching}>
      <ExplorerControls input={input} onChange={change} options={options} period={data?.period ?? null} />
      <ExplorerFilters input={input} onChange={change} options={options} />
      {result.error && <p className="form-error" role="alert" data-testid="explorer-error">{result.error.message}</p>}
      {!data && !result.error && <p className="text-sm text-ink-muted">{t("costs.loading")}</p>}
      {data && (
        <div className={`space-y-6 transition-opacity ${stale ? "opacity-50" : ""}`}>
          <ExplorerChart result={data} groupLabel={groupLabel} />
          <section className="card space-y-4 p-4" data-testid="explorer-table-card">
            <div className="flex flex-wrap items-center justify-between gap-3">
              <p className="text-sm text-ink-muted" data-testid="explorer-row-count" data-count={data.pagination.totalRows}>
                {t("costs.table.rows", { count: formatNumber(data.pagination.totalRows, locale) })}
                {result.isFetching && ` · ${t("costs.loading")}`}
              </p>
              <div className="flex items-center gap-3">
                <span className="text-xs text-ink-muted" id="export-hint">{t("costs.exportHint", { count: formatNumber(data.pagination.totalRows, locale) })}</span>
                <button type="button" className="btn-primary" onClick={() => void exportCsv()} disabled={exporting || result.isError} aria-describedby="export-hint" data-testid="explorer-export">
                  {exporting ? t("costs.exporting") : t("costs.export")}
                </button>
              </div>
            </div>
            {exportError && <p className="form-error" role="alert">{exportError}</p>}
            <ExplorerTable result={data} input={input} onChange={change} groupLabel={groupLabel} onPage={(page) => update(explorerInputToParams({ ...input, page }))} />
          </section>
        </div>
      )}
    </div>
  );
}
