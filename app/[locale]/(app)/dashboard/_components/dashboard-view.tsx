"use client";

import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { DashboardOverview, DateRangeInput } from "@/server/services/costs/cost-query-contract";
import { DateRangeControl } from "../../../../_components/date-range/date-range-control";
import { rangeFromParams, rangeToParams } from "../../../../_components/date-range/range-params";
import { downloadFile } from "../../../../_components/download-file";
import { useUrlState } from "../../../../_components/url-state";
import { formatDay } from "../../../../_i18n/format";
import { useI18n } from "../../../../_i18n/i18n-provider";
import { useTRPC } from "../../../../_trpc/react";
import { ConnectionHealth } from "./connection-health";
import { InventoryTable } from "./inventory-table";
import { KpiCards } from "./kpi-cards";
import { ServiceBreakdown } from "./service-breakdown";
import { SpendTrendChart } from "./spend-trend-chart";
import { TopResources } from "./top-resources";
import { UtilizationCard } from "./utilization-card";

/** The dashboard after its first server render: the period lives in the URL, changes refetch without a reload. */
export function DashboardView({ initialRange, initialOverview, timezone }: { initialRange: DateRangeInput; initialOverview: DashboardOverview | null; timezone: string }) {
  const { locale, t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { params, update } = useUrlState();
  const range = rangeFromParams((key) => params.get(key));
  const seeded = JSON.stringify(range) === JSON.stringify(initialRange) && initialOverview !== null;
  const overview = useQuery(trpc.dashboard.overview.queryOptions({ range }, { initialData: seeded ? initialOverview : undefined, placeholderData: keepPreviousData }));
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<string | null>(null);
  const data = overview.data;

  const refresh = () => {
    void overview.refetch();
    void queryClient.invalidateQueries({ queryKey: trpc.resource.list.queryKey() });
  };
  const exportCsv = async () => {
    setExporting(true);
    setExportError(null);
    try {
      const file = await queryClient.fetchQuery({ ...trpc.dashboard.exportCsv.queryOptions({ range }), staleTime: 0 });
      downloadFile(file.filename, file.content);
    } catch (error) {
      setExportError(error instanceof Error ? error.message : t("errors.internal"));
    } finally {
      setExporting(false);
    }
  };
  const busy = overview.isFetching;

  return (
    <div className="space-y-6" aria-busy={busy}>
      <div className="card flex flex-wrap items-end justify-between gap-4 p-4">
        <div className="space-y-2">
          <DateRangeControl
            key={JSON.stringify(range)}
            value={range}
            onChange={(next) => update(rangeToParams(next))}
            defaultCustom={{ from: data?.period.from ?? "", to: data?.period.to ?? "" }}
          />
          {data && (
            <p className="text-sm text-ink-muted" data-testid="dashboard-period" data-from={data.period.from} data-to={data.period.to}>
              {t("dashboard.period", { from: formatDay(data.period.from, locale), to: formatDay(data.period.to, locale), days: data.period.days })}
            </p>
          )}
        </div>
        <div className="flex gap-2">
          <button type="button" className="btn-secondary" onClick={refresh} disabled={busy} data-testid="dashboard-refresh">
            <span aria-hidden className={busy ? "inline-block animate-spin" : "inline-block"}>⟳</span>
            {busy ? t("dashboard.refreshing") : t("dashboard.refresh")}
          </button>
          <button type="button" className="btn-primary" onClick={() => void exportCsv()} disabled={exporting || !data} data-testid="dashboard-export">
            {exporting ? t("dashboard.exporting") : t("dashboard.export")}
          </button>
        </div>
      </div>
      {busy && <div className="h-1 w-full overflow-hidden rounded bg-blue-100" role="progressbar" aria-label={t("dashboard.refreshing")} data-testid="dashboard-progress"><div className="h-full w-1/3 animate-pulse bg-brand-secondary" /></div>}
      {overview.error && <p className="form-error" role="alert" data-testid="dashboard-error">{overview.error.message}</p>}
      {exportError && <p className="form-error" role="alert">{exportError}</p>}
      {!data && !overview.error && <p className="text-sm text-ink-muted">{t("common.loading")}</p>}
      {data && (
        <>
          <KpiCards overview={data} />
          <div className="grid gap-6 xl:grid-cols-3">
            <div className="xl:col-span-2"><SpendTrendChart overview={data} /></div>
            <ServiceBreakdown overview={data} />
          </div>
          <div className="grid gap-6 xl:grid-cols-3">
            <div className="xl:col-span-2"><TopResources overview={data} /></div>
            <UtilizationCard utilization={data.utilization} />
          </div>
          <ConnectionHealth connections={data.connectionHealth} currency={data.currency} timezone={timezone} />
        </>
      )}
      <InventoryTable />
    </div>
  );
}
