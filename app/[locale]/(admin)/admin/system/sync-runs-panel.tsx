"use client";

import { BarList, Card, Title } from "@tremor/react";
import { formatDateTime } from "../../../../_i18n/format";
import { useI18n } from "../../../../_i18n/i18n-provider";
import type { RouterOutputs } from "../../../../_trpc/types";

type SyncRuns = NonNullable<RouterOutputs["admin"]["system"]["status"]["syncRuns"]>;
const STATUSES = ["success", "partial", "error", "running", "queued"] as const;

/** Sync runs across all organizations: the last 24 hours by status, then the latest runs. */
export function SyncRunsPanel({ syncRuns, timezone }: { syncRuns: SyncRuns; timezone: string }) {
  const { locale, t } = useI18n();
  const last24h = STATUSES.map((status) => ({ name: t(`admin.syncStatus.${status}`), value: syncRuns.last24h[status] ?? 0 })).filter((row) => row.value > 0);
  return (
    <div className="grid gap-4 lg:grid-cols-3">
      <Card data-testid="sync-runs-24h">
        <Title>{t("admin.systemPage.last24h")}</Title>
        {last24h.length ? <BarList className="mt-3" data={last24h} /> : <p className="mt-3 text-sm text-ink-muted">{t("admin.systemPage.noRuns24h")}</p>}
      </Card>
      <div className="card overflow-x-auto p-0 lg:col-span-2">
        <h2 className="px-4 pt-3 font-semibold">{t("admin.systemPage.recentRuns")}</h2>
        {syncRuns.recent.length === 0 ? (
          <p className="px-4 py-6 text-sm text-ink-muted">{t("admin.systemPage.noRuns")}</p>
        ) : (
          <table className="mt-2 w-full text-left text-sm" data-testid="recent-sync-runs">
            <thead className="bg-gray-50 text-ink-muted">
              <tr>
                {(["started", "organization", "connection", "status", "trigger", "duration"] as const).map((column) => (
                  <th key={column} className="px-4 py-2 font-medium">{t(`admin.systemPage.${column}`)}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {syncRuns.recent.map((run) => (
                <tr key={run.id} className="border-t border-gray-100" data-testid="sync-run-row">
                  <td className="whitespace-nowrap px-4 py-2">{formatDateTime(run.startedAt, locale, timezone)}</td>
                  <td className="px-4 py-2">{run.organization}</td>
                  <td className="px-4 py-2">{run.connection}</td>
                  <td className={`px-4 py-2 ${run.status === "error" ? "text-red-600" : run.status === "partial" ? "text-amber-600" : ""}`} title={run.error ?? undefined}>
                    {t(`admin.syncStatus.${run.status}`)}{run.currentPhase && run.status === "running" ? ` · ${run.currentPhase}` : ""}
                  </td>
                  <td className="px-4 py-2">{t(`admin.systemPage.triggers.${run.trigger}`)}</td>
                  <td className="whitespace-nowrap px-4 py-2">{run.durationMs === null ? "—" : t("sync.seconds", { seconds: (run.durationMs / 1000).toFixed(1) })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </div>
  );
}
