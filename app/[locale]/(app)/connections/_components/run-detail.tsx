"use client";

import { Card, Metric, Text } from "@tremor/react";
import { useQuery } from "@tanstack/react-query";
import { formatDateTime, formatMoney, formatNumber } from "../../../../_i18n/format";
import { useI18n } from "../../../../_i18n/i18n-provider";
import { useTRPC } from "../../../../_trpc/react";
import type { RouterOutputs } from "../../../../_trpc/types";
import { RunChanges } from "./run-changes";
import { formatCounts, formatDuration, isRunActive, phaseLabel } from "./sync-labels";
import { RunStatusBadge } from "./status-badge";
import { SyncProgress } from "./sync-progress";

type Run = RouterOutputs["syncRun"]["get"];

const PHASE_TONES: Record<string, string> = {
  pending: "text-ink-muted",
  running: "text-blue-700",
  success: "text-emerald-700",
  failed: "text-brand-error",
  skipped: "text-ink-muted",
};

/** A run in full: KPIs, every phase with its timing, API calls and cache use, totals by type, changes, errors. */
export function RunDetail({ initialRun, timezone }: { initialRun: Run; timezone: string }) {
  const { locale, t } = useI18n();
  const trpc = useTRPC();
  const query = useQuery(
    trpc.syncRun.get.queryOptions({ id: initialRun.id }, { initialData: initialRun, refetchInterval: (current) => (current.state.data && isRunActive(current.state.data.status) ? 1_000 : false) }),
  );
  const run = query.data ?? initialRun;
  const active = isRunActive(run.status);
  const kpis = [
    { id: "duration", label: t("sync.kpiDuration"), value: formatDuration(run.durationMs, locale, t) },
    { id: "api-calls", label: t("sync.kpiApiCalls"), value: formatNumber(run.apiCalls, locale) },
    { id: "cache", label: t("sync.kpiCache"), value: `${formatNumber(run.cacheHits, locale)} / ${formatNumber(run.cacheMisses, locale)}` },
    { id: "monthly", label: t("sync.kpiMonthly"), value: run.monthlyCostTotal !== null ? formatMoney(run.monthlyCostTotal, run.currency ?? "RUB", locale) : "—" },
    { id: "resources", label: t("sync.kpiResources"), value: `${run.counts.created} / ${run.counts.updated} / ${run.counts.deleted}` },
  ];

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold" data-testid="run-title">{t("sync.runTitle", { connection: run.connection.name })}</h1>
          <p className="text-sm text-ink-muted">
            {run.connection.providerName} · {t(`sync.trigger.${run.trigger}`)} · {t("sync.runStarted", { date: formatDateTime(run.startedAt ?? run.createdAt, locale, timezone) })}
          </p>
        </div>
        <RunStatusBadge status={run.status} testId="run-detail-status" />
      </div>

      {active && <SyncProgress runId={run.id} connectionId={run.connection.id} />}
      {run.error && (
        <div className="form-error" role="alert" data-testid="run-error">
          <p className="font-semibold">{t("sync.errorTitle")}</p>
          <p className="whitespace-pre-wrap break-words">{run.error}</p>
        </div>
      )}

      <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3 2xl:grid-cols-5">
        {kpis.map((kpi) => (
          <Card key={kpi.id} decoration="top" decorationColor="blue" data-testid={`run-kpi-${kpi.id}`}>
            <Text>{kpi.label}</Text>
            <Metric className="break-words">{kpi.value}</Metric>
          </Card>
        ))}
      </div>

      <section className="card space-y-3 overflow-x-auto">
        <h2 className="text-lg font-semibold">{t("sync.phasesTitle")}</h2>
        <table className="w-full text-left text-sm" data-testid="phases-table">
          <thead className="text-ink-muted">
            <tr>
              <th className="py-2 pr-4 font-medium">#</th>
              <th className="py-2 pr-4 font-medium">{t("sync.phaseColumns.phase")}</th>
              <th className="py-2 pr-4 font-medium">{t("sync.phaseColumns.status")}</th>
              <th className="py-2 pr-4 text-right font-medium">{t("sync.phaseColumns.duration")}</th>
              <th className="py-2 pr-4 text-right font-medium">{t("sync.phaseColumns.apiCalls")}</th>
              <th className="py-2 pr-4 text-right font-medium">{t("sync.phaseColumns.cache")}</th>
              <th className="py-2 font-medium">{t("sync.phaseColumns.counts")}</th>
            </tr>
          </thead>
          <tbody>
            {run.phases.map((phase, index) => (
              <tr key={phase.id} className="border-t border-gray-100 align-top" data-testid="phase-row" data-phase={phase.id} data-status={phase.status}>
                <td className="py-2 pr-4 tabular-nums text-ink-muted">{index + 1}</td>
                <td className="py-2 pr-4 font-medium">{phaseLabel(t, phase)}</td>
                <td className={`py-2 pr-4 ${PHASE_TONES[phase.status] ?? ""}`}>{t(`sync.phaseStatus.${phase.status}`)}</td>
                <td className="py-2 pr-4 text-right tabular-nums">{formatDuration(phase.durationMs, locale, t)}</td>
                <td className="py-2 pr-4 text-right tabular-nums">{formatNumber(phase.apiCalls, locale)}</td>
                <td className="py-2 pr-4 text-right tabular-nums">{phase.cacheHits} / {phase.cacheMisses}</td>
                <td className="py-2 text-xs text-ink-muted">
                  {formatCounts(phase.counts) || "—"}
                  {phase.error && <p className="mt-1 text-brand-error">{phase.error}</p>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      {run.totalsByType.length > 0 && (
        <section className="card space-y-3">
          <h2 className="text-lg font-semibold">{t("sync.totalsByType")}</h2>
          <table className="w-full max-w-xl text-left text-sm" data-testid="totals-table">
            <thead className="text-ink-muted">
              <tr>
                <th className="py-2 font-medium">{t("sync.type")}</th>
                <th className="py-2 text-right font-medium">{t("sync.count")}</th>
                <th className="py-2 text-right font-medium">{t("sync.columns.monthly")}</th>
              </tr>
            </thead>
            <tbody>
              {run.totalsByType.map((entry) => (
                <tr key={entry.type} className="border-t border-gray-100">
                  <td className="py-2">{entry.type}</td>
                  <td className="py-2 text-right tabular-nums">{formatNumber(entry.count, locale)}</td>
                  <td className="py-2 text-right tabular-nums">{formatMoney(entry.monthlyCost, run.currency ?? "RUB", locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}

      {!active && <RunChanges syncRunId={run.id} counts={run.counts} />}
    </div>
  );
}
