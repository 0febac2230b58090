"use client";

import { useQuery } from "@tanstack/react-query";
import { formatDateTime } from "../../../../_i18n/format";
import { useI18n } from "../../../../_i18n/i18n-provider";
import { useTRPC } from "../../../../_trpc/react";
import { StatusCard } from "./status-card";
import { SyncRunsPanel } from "./sync-runs-panel";

export function SystemStatusView({ timezone }: { timezone: string }) {
  const { locale, t } = useI18n();
  const trpc = useTRPC();
  const status = useQuery(trpc.admin.system.status.queryOptions());
  const data = status.data;
  return (
    <div className="space-y-4">
      <div className="flex items-center justify-between gap-3 text-sm text-ink-muted">
        <span>{data ? t("admin.systemPage.checkedAt", { time: formatDateTime(data.checkedAt, locale, timezone) }) : ""}</span>
        <button className="btn-secondary" type="button" onClick={() => void status.refetch()} disabled={status.isFetching} data-testid="system-refresh">{t("admin.systemPage.refresh")}</button>
      </div>
      {status.error && <p className="form-error" role="alert">{status.error.message}</p>}
      {data && (
        <>
          <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
            <StatusCard testId="status-database" title={t("admin.systemPage.database")} ok={data.database.ok} state={t(data.database.ok ? "admin.systemPage.up" : "admin.systemPage.down")}>
              <p>{t(`admin.systemPage.kinds.${data.database.kind}`)}</p>
              <p>{t("admin.systemPage.latency", { ms: data.database.latencyMs })}</p>
              {data.database.error && <p className="text-red-600">{data.database.error}</p>}
            </StatusCard>
            <StatusCard testId="status-migrations" title={t("admin.systemPage.migrations")} ok={data.migrations.ok} state={t(data.migrations.ok ? "admin.systemPage.inSync" : "admin.systemPage.outOfSync")}>
              {data.migrations.latest && <p className="break-all">{t("admin.systemPage.latest", { name: data.migrations.latest })}</p>}
              <p>{t("admin.systemPage.applied", { count: data.migrations.appliedCount })}</p>
              {data.migrations.pending.length > 0 && <p className="break-all">{t("admin.systemPage.pending", { names: data.migrations.pending.join(", ") })}</p>}
              {data.migrations.failed.length > 0 && <p className="break-all text-red-600">{t("admin.systemPage.failed", { names: data.migrations.failed.join(", ") })}</p>}
              {data.migrations.missingLocally.length > 0 && <p className="break-all">{t("admin.systemPage.missingLocally", { names: data.migrations.missingLocally.join(", ") })}</p>}
              {data.migrations.error && <p className="text-red-600">{data.migrations.error}</p>}
            </StatusCard>
            <StatusCard testId="status-inngest" title={t("admin.systemPage.inngest")} ok={null} state={t(`admin.systemPage.inngestModes.${data.inngest.mode}`)}>
              {data.inngest.baseUrl && <p className="break-all">{data.inngest.baseUrl}</p>}
            </StatusCard>
            <StatusCard testId="status-telegram" title={t("admin.systemPage.telegram")} ok={data.telegram.configured ? true : null} state={t(data.telegram.configured ? "admin.systemPage.telegramConfigured" : "admin.systemPage.telegramNotConfigured")}>
              {data.telegram.deliveries && (
                <>
                  <p>{t("admin.systemPage.telegramChats", { count: data.telegram.deliveries.chats })}</p>
                  <p>{t("admin.systemPage.telegramDeliveries", data.telegram.deliveries.last24h)}</p>
                  {data.telegram.deliveries.lastFailure && (
                    <p className="break-all text-red-600">{t("admin.systemPage.telegramLastFailure", { time: formatDateTime(data.telegram.deliveries.lastFailure.createdAt, locale, timezone), error: data.telegram.deliveries.lastFailure.error ?? data.telegram.deliveries.lastFailure.kind })}</p>
                  )}
                </>
              )}
            </StatusCard>
            <StatusCard testId="status-version" title={t("admin.systemPage.version")} ok={null} state={data.version.release}>
              <p>{t("admin.systemPage.release", { release: data.version.release, package: data.version.package })}</p>
              <p>{t("admin.systemPage.node", { node: data.version.node, minutes: Math.floor(data.version.uptimeSeconds / 60) })}</p>
            </StatusCard>
          </div>
          {data.syncRuns && (
            <section className="space-y-2">
              <h2 className="text-lg font-semibold">{t("admin.systemPage.syncRuns")}</h2>
              <SyncRunsPanel syncRuns={data.syncRuns} timezone={timezone} />
            </section>
          )}
        </>
      )}
    </div>
  );
}
