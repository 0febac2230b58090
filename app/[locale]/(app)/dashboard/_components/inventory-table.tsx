"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Card, Text, Title } from "@tremor/react";
import Link from "next/link";
import { useState, type FormEvent } from "react";
import { formatMoney } from "../../../../_i18n/format";
import { Pager } from "../../../../_components/pager";
import { useI18n } from "../../../../_i18n/i18n-provider";
import { useTRPC } from "../../../../_trpc/react";
import { ResourceStatusBadge } from "../../resources/_components/resource-badges";
import { statusLabel, typeLabel } from "../../resources/_components/labels";

const PAGE_SIZE = 8;

/**
 * A compact inventory over `resource.list`. That procedure pages each connection separately, so one page here
 * holds up to PAGE_SIZE rows per connection; the Resources page is the place for the full list.
 */
export function InventoryTable() {
  const { locale, t } = useI18n();
  const trpc = useTRPC();
  const [draft, setDraft] = useState("");
  const [filters, setFilters] = useState({ search: "", type: "", status: "" });
  const [page, setPage] = useState(1);
  const list = useQuery(trpc.resource.list.queryOptions({ ...filters, page, pageSize: PAGE_SIZE }, { placeholderData: keepPreviousData }));
  const set = (changes: Partial<typeof filters>) => {
    setFilters((current) => ({ ...current, ...changes }));
    setPage(1);
  };
  const onSearch = (event: FormEvent) => {
    event.preventDefault();
    set({ search: draft.trim() });
  };
  const groups = list.data?.groups ?? [];
  const rows = groups.flatMap((group) => group.items.map((item) => ({ item, connection: group.connection })));
  const pages = Math.max(1, ...groups.map((group) => Math.ceil(group.total / PAGE_SIZE)));
  const facets = list.data?.facets;
  const query = new URLSearchParams(Object.entries(filters).filter(([, value]) => value)).toString();

  return (
    <Card data-testid="inventory">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div>
          <Title>{t("dashboard.inventory.title")}</Title>
          <Text>{t("dashboard.inventory.hint")}</Text>
        </div>
        <Link className="text-sm font-medium text-brand-primary hover:underline" href={`/${locale}/resources${query ? `?${query}` : ""}`} data-testid="inventory-all">{t("dashboard.inventory.all")}</Link>
      </div>
      <div className="mt-4 flex flex-wrap items-end gap-3">
        <form role="search" onSubmit={onSearch} className="min-w-[14rem] flex-1">
          <label>
            <span className="label">{t("dashboard.inventory.search")}</span>
            <input className="input" type="search" value={draft} onChange={(event) => setDraft(event.target.value)} placeholder={t("dashboard.inventory.searchPlaceholder")} data-testid="inventory-search" />
          </label>
        </form>
        <label>
          <span className="label">{t("dashboard.inventory.type")}</span>
          <select className="input" value={filters.type} onChange={(event) => set({ type: event.target.value })} data-testid="inventory-type">
            <option value="">{t("dashboard.inventory.any")}</option>
            {facets?.types.map((type) => <option key={type} value={type}>{typeLabel(t, type)}</option>)}
          </select>
        </label>
        <label>
          <span className="label">{t("dashboard.inventory.status")}</span>
          <select className="input" value={filters.status} onChange={(event) => set({ status: event.target.value })} data-testid="inventory-status">
            <option value="">{t("dashboard.inventory.any")}</option>
            {facets?.statuses.map((status) => <option key={status} value={status}>{statusLabel(t, status)}</option>)}
          </select>
        </label>
      </div>
      {list.error && <p className="form-error mt-4" role="alert">{list.error.message}</p>}
      {list.data && rows.length === 0 && <p className="mt-4 text-sm text-ink-muted" data-testid="inventory-empty">{t("dashboard.inventory.empty")}</p>}
      {rows.length > 0 && (
        <div className="mt-4 overflow-x-auto" aria-busy={list.isFetching}>
          <table className="w-full text-sm">
            <thead className="border-b border-gray-200 text-left text-ink-muted">
              <tr>
                <th className="py-2 pr-4 font-medium">{t("dashboard.inventory.name")}</th>
                <th className="py-2 pr-4 font-medium">{t("dashboard.inventory.type")}</th>
                <th className="py-2 pr-4 font-medium">{t("dashboard.inventory.status")}</th>
                <th className="py-2 pr-4 font-medium">{t("dashboard.inventory.connection")}</th>
                <th className="py-2 pr-4 font-medium">{t("dashboard.inventory.region")}</th>
                <th className="py-2 text-right font-medium">{t("dashboard.inventory.perMonth")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map(({ item, connection }) => (
                <tr key={`${connection.id}:${item.id}`} className="border-b border-gray-100 last:border-0" data-testid="inventory-row" data-name={item.name}>
                  <td className="py-2 pr-4 font-medium">
                    {item.kind === "resource" ? <Link className="text-brand-primary hover:underline" href={`/${locale}/resources/${item.id}`}>{item.name}</Link> : item.name}
                  </td>
                  <td className="py-2 pr-4 text-ink-muted">{typeLabel(t, item.resourceType)}</td>
                  <td className="py-2 pr-4">{item.kind === "resource" ? <ResourceStatusBadge status={item.status} /> : "—"}</td>
                  <td className="py-2 pr-4 text-ink-muted">{connection.name}</td>
                  <td className="py-2 pr-4 text-ink-muted">{item.region ?? "—"}</td>
                  <td className="py-2 text-right tabular-nums">{formatMoney(item.monthlyCost, item.currency, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pages > 1 && (
        <div className="mt-4 flex items-center justify-between gap-4 text-sm text-ink-muted">
          <Pager page={page} pages={pages} onPage={setPage} testId="inventory-pager" />
        </div>
      )}
    </Card>
  );
}
