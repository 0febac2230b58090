"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Modal } from "../../../../_components/modal";
import { formatDateTime, formatNumber } from "../../../../_i18n/format";
import { useI18n } from "../../../../_i18n/i18n-provider";
import { useTRPC } from "../../../../_trpc/react";
import { useElapsedSeconds } from "./use-elapsed-seconds";

/** The demo organization's state and the "Reseed demo" button: confirm, live progress, then the result. */
export function DemoAdmin({ timezone }: { timezone: string }) {
  const { locale, t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const [startedAt, setStartedAt] = useState<Date | null>(null);
  const reseed = useMutation(
    trpc.admin.demo.reseed.mutationOptions({
      onMutate: () => setStartedAt(new Date()),
      onSettled: async () => {
        setStartedAt(null);
        await queryClient.invalidateQueries({ queryKey: trpc.admin.demo.status.queryKey() });
      },
    }),
  );
  // Another admin's reseed shows as progress too.
  const status = useQuery(trpc.admin.demo.status.queryOptions(undefined, { refetchInterval: (query) => (reseed.isPending || query.state.data?.reseedStartedAt ? 1_000 : false) }));
  const since = startedAt ?? status.data?.reseedStartedAt ?? null;
  const seconds = useElapsedSeconds(since);
  const running = reseed.isPending || Boolean(status.data?.reseedStartedAt);

  return (
    <div className="space-y-4">
      <div className="card space-y-3">
        <div className="flex flex-wrap items-start justify-between gap-3">
          <div>
            <h2 className="text-lg font-semibold">{status.data?.organization?.name ?? t("admin.demoPage.title")}</h2>
            <p className="max-w-3xl text-sm text-ink-muted">{t("admin.demoPage.hint")}</p>
          </div>
          <button className="btn-primary" type="button" disabled={running} onClick={() => setConfirming(true)} data-testid="reseed-demo">{t("admin.demoPage.reseed")}</button>
        </div>
        {running && (
          <div role="status" data-testid="reseed-progress">
            <p className="text-sm font-medium">{t("admin.demoPage.running", { seconds })}</p>
            <div className="mt-2 h-2 overflow-hidden rounded bg-gray-100"><div className="h-full w-1/3 animate-pulse rounded bg-brand-secondary" /></div>
          </div>
        )}
        {reseed.data && !running && (
          <p className="rounded bg-emerald-50 p-3 text-sm text-emerald-800" role="status" data-testid="reseed-result">
            {t("admin.demoPage.done", {
              seconds: (reseed.data.durationMs / 1_000).toFixed(1),
              synced: reseed.data.connectionsSynced,
              total: reseed.data.connections.length,
              costRows: formatNumber(reseed.data.costRows, locale),
            })}
          </p>
        )}
        {reseed.error && <p className="form-error" role="alert">{reseed.error.message}</p>}
        {status.error && <p className="form-error" role="alert">{status.error.message}</p>}
      </div>

      {status.data && !status.data.organization && <p className="card py-6 text-center text-sm text-ink-muted">{t("admin.demoPage.notSeeded")}</p>}
      {status.data?.organization && (
        <div className="card overflow-x-auto p-0">
          <table className="w-full text-left text-sm" data-testid="demo-connections">
            <thead className="bg-gray-50 text-ink-muted">
              <tr>
                <th className="px-4 py-2 font-medium">{t("admin.demoPage.connection")}</th>
                <th className="px-4 py-2 font-medium">{t("admin.demoPage.lastSync")}</th>
                <th className="px-4 py-2 font-medium">{t("admin.demoPage.phase")}</th>
              </tr>
            </thead>
            <tbody>
              {status.data.connections.map((connection) => (
                <tr key={connection.id} className="border-t border-gray-100">
                  <td className="px-4 py-2">{connection.name}</td>
                  <td className="px-4 py-2">
                    {connection.lastSync ? `${t(`admin.syncStatus.${connection.lastSync.status}`)}${connection.lastSync.finishedAt ? ` · ${formatDateTime(connection.lastSync.finishedAt, locale, timezone)}` : ""}` : t("admin.demoPage.never")}
                  </td>
                  <td className="px-4 py-2">{connection.lastSync?.currentPhase ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="border-t border-gray-100 px-4 py-2 text-sm text-ink-muted" data-testid="demo-cost-rows">{t("admin.demoPage.costRows", { count: formatNumber(status.data.costRows, locale) })}</p>
        </div>
      )}

      {confirming && (
        <Modal title={t("admin.demoPage.confirmTitle")} onClose={() => setConfirming(false)} testId="reseed-confirm">
          <p className="text-sm text-ink-muted">{t("admin.demoPage.confirmBody")}</p>
          <div className="flex justify-end gap-2">
            <button className="btn-secondary" type="button" onClick={() => setConfirming(false)}>{t("common.cancel")}</button>
            <button
              className="btn-primary"
              type="button"
              data-testid="reseed-confirm-button"
              onClick={() => {
                setConfirming(false);
                reseed.mutate({ confirm: true });
              }}
            >
              {t("admin.demoPage.confirm")}
            </button>
          </div>
        </Modal>
      )}
    </div>
  );
}
