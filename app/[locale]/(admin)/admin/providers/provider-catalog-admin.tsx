"use client";

import { useQuery } from "@tanstack/react-query";
import { useI18n } from "../../../../_i18n/i18n-provider";
import { useTRPC } from "../../../../_trpc/react";
import { ProviderSettingRow } from "./provider-setting-row";

/** The platform's provider types: on/off, order in the add-connection list, default sync interval. */
export function ProviderCatalogAdmin() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const catalog = useQuery(trpc.admin.providers.list.queryOptions());
  return (
    <div className="space-y-4">
      <p className="max-w-3xl text-sm text-ink-muted">{t("admin.providersPage.hint")}</p>
      {catalog.error && <p className="form-error" role="alert">{catalog.error.message}</p>}
      <div className="card overflow-x-auto p-0">
        <table className="w-full text-left text-sm" data-testid="provider-catalog">
          <thead className="bg-gray-50 text-ink-muted">
            <tr>
              {(["provider", "enabled", "order", "interval", "actions"] as const).map((column) => (
                <th key={column} className="px-4 py-2 font-medium">{t(`admin.providersPage.${column}`)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {catalog.data?.map((entry) => <ProviderSettingRow key={entry.providerId} entry={entry} />)}
          </tbody>
        </table>
      </div>
    </div>
  );
}
