"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import Image from "next/image";
import { useState } from "react";
import { useI18n } from "../../../../_i18n/i18n-provider";
import { useTRPC } from "../../../../_trpc/react";
import type { RouterOutputs } from "../../../../_trpc/types";

type Entry = RouterOutputs["admin"]["providers"]["list"][number];

/** One provider's editable settings; saving re-reads the catalog so the order takes effect at once. */
export function ProviderSettingRow({ entry }: { entry: Entry }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [enabled, setEnabled] = useState(entry.enabled);
  const [order, setOrder] = useState(String(entry.displayOrder));
  const [interval, setInterval] = useState(String(entry.defaultSyncIntervalMinutes));
  const save = useMutation(trpc.admin.providers.update.mutationOptions({ onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.admin.providers.list.queryKey() }) }));
  return (
    <tr className="border-t border-gray-100 align-top" data-testid="provider-row" data-provider={entry.providerId}>
      <td className="px-4 py-2">
        <div className="flex items-center gap-2">
          <Image src={entry.logo} alt="" width={28} height={28} unoptimized className="h-7 w-7 rounded border border-gray-100 bg-white p-0.5" />
          <div>
            <div className="font-medium">{entry.displayName}</div>
            <div className="text-xs text-ink-muted">{entry.providerId}{entry.customized ? "" : ` · ${t("admin.providersPage.defaults")}`}</div>
          </div>
        </div>
      </td>
      <td className="px-4 py-2">
        <label className="inline-flex items-center gap-2">
          <input type="checkbox" checked={enabled} onChange={(event) => setEnabled(event.target.checked)} data-testid="provider-enabled" aria-label={`${t("admin.providersPage.enabled")}: ${entry.displayName}`} />
          <span className={enabled ? "text-emerald-700" : "text-red-600"}>{t(enabled ? "admin.providersPage.on" : "admin.providersPage.off")}</span>
        </label>
      </td>
      <td className="px-4 py-2">
        <input className="input w-24" type="number" min={0} max={10000} value={order} onChange={(event) => setOrder(event.target.value)} aria-label={`${t("admin.providersPage.order")}: ${entry.displayName}`} data-testid="provider-order" />
      </td>
      <td className="px-4 py-2">
        <input className="input w-28" type="number" min={15} max={10080} value={interval} onChange={(event) => setInterval(event.target.value)} aria-label={`${t("admin.providersPage.interval")}: ${entry.displayName}`} data-testid="provider-interval" />
      </td>
      <td className="px-4 py-2">
        <button
          className="btn-primary py-1"
          type="button"
          disabled={save.isPending}
          data-testid="provider-save"
          onClick={() => save.mutate({ providerId: entry.providerId, enabled, displayOrder: Number(order), defaultSyncIntervalMinutes: Number(interval) })}
        >
          {t("admin.providersPage.save")}
        </button>
        {save.isSuccess && <span className="ml-2 text-emerald-700" role="status">{t("admin.providersPage.saved")}</span>}
        {save.error && <p className="form-error mt-1" role="alert">{save.error.message}</p>}
      </td>
    </tr>
  );
}
