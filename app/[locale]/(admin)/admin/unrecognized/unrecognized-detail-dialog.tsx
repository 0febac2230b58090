"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Modal } from "../../../../_components/modal";
import { formatDateTime, formatMoney } from "../../../../_i18n/format";
import { useI18n } from "../../../../_i18n/i18n-provider";
import { useTRPC } from "../../../../_trpc/react";

/** One unrecognized object: raw billing data, how often syncs see it, and resolve / reopen / delete. */
export function UnrecognizedDetailDialog({ id, timezone, onClose }: { id: string; timezone: string; onClose: () => void }) {
  const { locale, t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const detail = useQuery(trpc.admin.unrecognized.get.queryOptions({ id }));
  const [note, setNote] = useState<string | null>(null);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.admin.unrecognized.pathKey() });
  const resolve = useMutation(trpc.admin.unrecognized.resolve.mutationOptions({ onSuccess: refresh }));
  const remove = useMutation(
    trpc.admin.unrecognized.delete.mutationOptions({
      onSuccess: async () => {
        onClose();
        await refresh();
      },
    }),
  );
  const data = detail.data;
  const noteValue = note ?? data?.resolutionNote ?? "";
  const error = detail.error ?? resolve.error ?? remove.error;

  return (
    <Modal title={data ? t("admin.unrecognizedPage.detailTitle", { type: data.billingType, id: data.providerResourceId }) : t("common.loading")} onClose={onClose} testId="unrecognized-dialog">
      {error && <p className="form-error" role="alert">{error.message}</p>}
      {data && (
        <div className="space-y-4 text-sm">
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
            <dt className="text-ink-muted">{t("admin.unrecognizedPage.organization")}</dt>
            <dd>{data.organization.name}</dd>
            <dt className="text-ink-muted">{t("admin.unrecognizedPage.connection")}</dt>
            <dd>{data.connection.name} ({data.providerId})</dd>
            <dt className="text-ink-muted">{t("admin.unrecognizedPage.cost")}</dt>
            <dd>{data.monthlyCost && data.currency ? formatMoney(data.monthlyCost, data.currency, locale) : "—"}</dd>
            <dt className="text-ink-muted">{t("admin.unrecognizedPage.firstSeen")}</dt>
            <dd>{formatDateTime(data.firstSeenAt, locale, timezone)}</dd>
            <dt className="text-ink-muted">{t("admin.unrecognizedPage.lastSeen")}</dt>
            <dd>{formatDateTime(data.lastSeenAt, locale, timezone)}</dd>
          </dl>
          <p data-testid="unrecognized-frequency">{t("admin.unrecognizedPage.frequency", { recorded: data.frequency.recorded, last30: data.frequency.last30Days, total: data.sightings })}</p>

          <details>
            <summary className="cursor-pointer font-medium">{t("admin.unrecognizedPage.history")}</summary>
            <table className="mt-2 w-full text-left" data-testid="unrecognized-history">
              <thead className="text-ink-muted">
                <tr>
                  <th className="py-1 font-medium">{t("admin.unrecognizedPage.seenAt")}</th>
                  <th className="py-1 font-medium">{t("admin.unrecognizedPage.syncRun")}</th>
                  <th className="py-1 font-medium">{t("admin.unrecognizedPage.cost")}</th>
                </tr>
              </thead>
              <tbody>
                {data.history.map((sighting) => (
                  <tr key={sighting.id} className="border-t border-gray-100">
                    <td className="py-1">{formatDateTime(sighting.seenAt, locale, timezone)}</td>
                    <td className="break-all py-1 font-mono text-xs">{sighting.syncRunId}</td>
                    <td className="py-1">{sighting.monthlyCost && sighting.currency ? formatMoney(sighting.monthlyCost, sighting.currency, locale) : "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>

          <details>
            <summary className="cursor-pointer font-medium">{t("admin.unrecognizedPage.rawBilling")}</summary>
            <pre className="mt-2 max-h-64 overflow-auto rounded bg-gray-50 p-2 text-xs" data-testid="unrecognized-raw">{JSON.stringify(data.rawBilling, null, 2)}</pre>
          </details>

          <div>
            <label className="label" htmlFor="resolution-note">{t("admin.unrecognizedPage.note")}</label>
            <textarea id="resolution-note" className="input" rows={2} maxLength={2000} value={noteValue} onChange={(event) => setNote(event.target.value)} />
            <p className="mt-1 text-xs text-ink-muted">{t("admin.unrecognizedPage.noteHint")}</p>
            {data.resolvedAt && <p className="mt-1 text-emerald-700" data-testid="unrecognized-resolved">{t("admin.unrecognizedPage.resolvedOn", { time: formatDateTime(data.resolvedAt, locale, timezone) })}</p>}
          </div>

          {confirmingDelete ? (
            <div className="space-y-2 rounded border border-red-200 bg-red-50 p-3" role="alertdialog" aria-label={t("admin.unrecognizedPage.delete")}>
              <p>{t("admin.unrecognizedPage.deleteConfirm", { id: data.providerResourceId, type: data.billingType })}</p>
              <div className="flex justify-end gap-2">
                <button className="btn-secondary" type="button" onClick={() => setConfirmingDelete(false)}>{t("common.cancel")}</button>
                <button className="btn-primary bg-red-600" type="button" disabled={remove.isPending} onClick={() => remove.mutate({ id })} data-testid="unrecognized-delete-confirm">{t("admin.unrecognizedPage.delete")}</button>
              </div>
            </div>
          ) : (
            <div className="flex flex-wrap justify-end gap-2">
              <button className="btn-secondary text-red-600" type="button" onClick={() => setConfirmingDelete(true)} data-testid="unrecognized-delete">{t("admin.unrecognizedPage.delete")}</button>
              {data.resolvedAt ? (
                <>
                  <button className="btn-secondary" type="button" disabled={resolve.isPending} onClick={() => resolve.mutate({ id, resolved: true, note: noteValue })}>{t("admin.unrecognizedPage.saveNote")}</button>
                  <button className="btn-secondary" type="button" disabled={resolve.isPending} onClick={() => resolve.mutate({ id, resolved: false, note: noteValue })} data-testid="unrecognized-reopen">{t("admin.unrecognizedPage.reopen")}</button>
                </>
              ) : (
                <button className="btn-primary" type="button" disabled={resolve.isPending} onClick={() => resolve.mutate({ id, resolved: true, note: noteValue })} data-testid="unrecognized-resolve">{t("admin.unrecognizedPage.resolve")}</button>
              )}
            </div>
          )}
        </div>
      )}
    </Modal>
  );
}
