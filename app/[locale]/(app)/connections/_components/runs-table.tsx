"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { formatDateTime, formatMoney, formatNumber } from "../../../../_i18n/format";
import { Pager } from "../../../../_components/pager";
import { useI18n } from "../../../../_i18n/i18n-provider";
import { useTRPC } from "../../../../_trpc/react";
import type { RouterOutputs } from "../../../../_trpc/types";
import { formatDuration, isRunActive } from "./sync-labels";
import { RunStatusBadge } from "./status-badge";

type RunsPage = RouterOutputs["syncRun"]["list"];

const PAGE_SIZE = 20;

/** A connection's sync history, newest first; refreshes itself while a run is under way. */
export function RunsTable({ connectionId, initialPage, timezone }: { connectionId: string; initialPage: RunsPage; timezone: string }) {
  const { locale, t } = useI18n();
  const trpc = useTRPC();
  const [page, setPage] = useState(1);
  const runs = useQuery(
    trpc.syncRun.list.queryOptions(
      { connectionId, page, pageSize: PAGE_SIZE },
      {
        initialData: page === 1 ? initialPage : undefined,
        placeholderData: (previous) => previous,
        refetchInterval: (query) => (query.state.data?.items.some((run) => isRunActive(run.status)) ? 2_000 : false),
      },
    ),
  );
  const data = runs.data;
  if (!data || data.total === 0) return <p className="card text-sm text-ink-muted" data-testid="runs-empty">{t("sync.noRuns")}</p>;
  const pages = Math.max(1, Math.ceil(data.total / PAGE_SIZE));
  const columns = ["status", "trigger", "started", "duration", "created", "updated", "deleted", "unchanged", "monthly"] as const;
  return (
    <div className="card space-y-4 overflow-x-auto p-0">
      <table className="w-full text-left text-sm" data-testid="runs-table">
        <thead className="border-b border-gray-200 text-ink-muted">
          <tr>
            {columns.map((column) => (
              <th key={column} className={`px-4 py-3 font-medium ${["created", "updated", "deleted", "unchanged", "monthly", "duration"].includes(column) ? "text-right" : ""}`}>
                {t(`sync.columns.${column}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {data.items.map((run) => (
            <tr key={run.id} className="border-t border-gray-100 hover:bg-surface-muted" data-testid="run-row" data-status={run.status}>
              <td className="px-4 py-2"><RunStatusBadge status={run.status} /></td>
              <td className="px-4 py-2">{t(`sync.trigger.${run.trigger}`)}</td>
              <td className="px-4 py-2">
                <Link className="text-brand-primary hover:underline" href={`/${locale}/connections/${connectionId}/runs/${run.id}`} data-testid="run-link">
                  {formatDateTime(run.startedAt ?? run.createdAt, locale, timezone)}
                </Link>
              </td>
              <td className="px-4 py-2 text-right tabular-nums">{isRunActive(run.status) ? `${run.phasesDone}/${run.totalPhases}` : formatDuration(run.durationMs, locale, t)}</td>
              <td className="px-4 py-2 text-right tabular-nums">{formatNumber(run.counts.created, locale)}</td>
              <td className="px-4 py-2 text-right tabular-nums">{formatNumber(run.counts.updated, locale)}</td>
              <td className="px-4 py-2 text-right tabular-nums">{formatNumber(run.counts.deleted, locale)}</td>
              <td className="px-4 py-2 text-right tabular-nums">{formatNumber(run.counts.unchanged, locale)}</td>
              <td className="px-4 py-2 text-right tabular-nums">{run.monthlyCostTotal !== null ? formatMoney(run.monthlyCostTotal, run.currency ?? "RUB", locale) : "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {pages > 1 && <div className="flex justify-end px-4 pb-4"><Pager page={page} pages={pages} onPage={setPage} /></div>}
    </div>
  );
}
