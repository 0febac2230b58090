"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { formatDateTime, formatMoney } from "../../../../_i18n/format";
import { Pager } from "../../../../_components/pager";
import { useI18n } from "../../../../_i18n/i18n-provider";
import { useTRPC } from "../../../../_trpc/react";
import type { RouterInputs } from "../../../../_trpc/types";
import { UnrecognizedDetailDialog } from "./unrecognized-detail-dialog";

type Filters = RouterInputs["admin"]["unrecognized"]["list"];
const NO_INFERRED_TYPE = "__none__";

/** The cross-organization queue of billing objects no normalizer recognized. */
export function UnrecognizedAdmin({ timezone }: { timezone: string }) {
  const { locale, t } = useI18n();
  const trpc = useTRPC();
  const [filters, setFilters] = useState<Filters>({ page: 1, pageSize: 20, status: "open" });
  const [search, setSearch] = useState("");
  const [openId, setOpenId] = useState<string | null>(null);
  const list = useQuery(trpc.admin.unrecognized.list.queryOptions(filters, { placeholderData: keepPreviousData }));
  const facets = useQuery(trpc.admin.unrecognized.facets.queryOptions());
  const pages = list.data ? Math.max(1, Math.ceil(list.data.total / list.data.pageSize)) : 1;
  const page = filters.page ?? 1;
  const refilter = (changes: Partial<Filters>) => setFilters((current) => ({ ...current, ...changes, page: changes.page ?? 1 }));
  const onSearch = (event: FormEvent) => {
    event.preventDefault();
    refilter({ search: search.trim() || undefined });
  };
  const typeLabel = (type: string | null) => (type === null || type === NO_INFERRED_TYPE ? t("admin.unrecognizedPage.noType") : type);

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end gap-3">
        <form className="flex min-w-64 flex-1 gap-2" onSubmit={onSearch} role="search">
          <input className="input" type="search" value={search} onChange={(event) => setSearch(event.target.value)} placeholder={t("admin.unrecognizedPage.search")} aria-label={t("admin.unrecognizedPage.search")} data-testid="unrecognized-search" />
          <button className="btn-secondary" type="submit">{t("admin.unrecognizedPage.apply")}</button>
        </form>
        <select className="input w-auto" aria-label={t("admin.unrecognizedPage.provider")} value={filters.providerId ?? ""} onChange={(event) => refilter({ providerId: event.target.value || undefined })}>
          <option value="">{t("admin.unrecognizedPage.allProviders")}</option>
          {facets.data?.providers.map((provider) => <option key={provider} value={provider}>{provider}</option>)}
        </select>
        <select className="input w-auto" aria-label={t("admin.unrecognizedPage.inferredType")} value={filters.inferredType ?? ""} onChange={(event) => refilter({ inferredType: event.target.value || undefined })}>
          <option value="">{t("admin.unrecognizedPage.allTypes")}</option>
          {facets.data?.inferredTypes.map((type) => <option key={type} value={type}>{typeLabel(type)}</option>)}
        </select>
        <select className="input w-auto" aria-label={t("admin.unrecognizedPage.status")} value={filters.status ?? ""} onChange={(event) => refilter({ status: (event.target.value || undefined) as Filters["status"] })} data-testid="unrecognized-status">
          <option value="">{t("admin.unrecognizedPage.allStatuses")}</option>
          {(["open", "resolved"] as const).map((status) => <option key={status} value={status}>{t(`admin.unrecognizedPage.statuses.${status}`)}</option>)}
        </select>
      </div>

      {list.error && <p className="form-error" role="alert">{list.error.message}</p>}
      {list.data?.rows.length === 0 ? (
        <p className="card py-10 text-center text-sm text-ink-muted" data-testid="unrecognized-empty">{t("admin.unrecognizedPage.empty")}</p>
      ) : (
        <div className="card overflow-x-auto p-0">
          <table className="w-full text-left text-sm" data-testid="unrecognized-table">
            <thead className="bg-gray-50 text-ink-muted">
              <tr>
                {(["object", "billingType", "inferredType", "organization", "cost", "sightings", "lastSeen", "status", "actions"] as const).map((column) => (
                  <th key={column} className="px-4 py-2 font-medium">{t(`admin.unrecognizedPage.${column}`)}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {list.data?.rows.map((row) => (
                <tr key={row.id} className="border-t border-gray-100 align-top" data-testid="unrecognized-row">
                  <td className="px-4 py-2">
                    <div className="font-medium">{row.name ?? "—"}</div>
                    <div className="break-all text-ink-muted">{row.providerId} · {row.providerResourceId}</div>
                  </td>
                  <td className="px-4 py-2 font-mono text-xs">{row.billingType}</td>
                  <td className="px-4 py-2">{typeLabel(row.inferredType)}</td>
                  <td className="px-4 py-2">
                    <div>{row.organization.name}</div>
                    <div className="text-ink-muted">{row.connection.name}</div>
                  </td>
                  <td className="whitespace-nowrap px-4 py-2">{row.monthlyCost && row.currency ? formatMoney(row.monthlyCost, row.currency, locale) : "—"}</td>
                  <td className="px-4 py-2">{row.sightings}</td>
                  <td className="whitespace-nowrap px-4 py-2">{formatDateTime(row.lastSeenAt, locale, timezone)}</td>
                  <td className="px-4 py-2">
                    <span className={row.resolvedAt ? "text-emerald-700" : "text-amber-600"}>{t(`admin.unrecognizedPage.statuses.${row.resolvedAt ? "resolved" : "open"}`)}</span>
                  </td>
                  <td className="px-4 py-2">
                    <button className="btn-secondary py-1" type="button" onClick={() => setOpenId(row.id)} data-testid="unrecognized-details">{t("admin.unrecognizedPage.details")}</button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <div className="flex items-center justify-between text-sm text-ink-muted">
        <span>{t("admin.unrecognizedPage.total", { total: list.data?.total ?? 0 })}</span>
        <Pager page={page} pages={pages} onPage={(next) => refilter({ page: next })} />
      </div>

      {openId && <UnrecognizedDetailDialog id={openId} timezone={timezone} onClose={() => setOpenId(null)} />}
    </div>
  );
}
