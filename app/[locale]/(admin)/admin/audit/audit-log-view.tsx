"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { formatDateTime } from "../../../../_i18n/format";
import { Pager } from "../../../../_components/pager";
import { useI18n } from "../../../../_i18n/i18n-provider";
import { useTRPC } from "../../../../_trpc/react";
import type { RouterInputs } from "../../../../_trpc/types";

type Filters = Omit<RouterInputs["admin"]["audit"]["list"], "page" | "pageSize">;
const TEXT_FILTERS = ["actor", "impersonator", "action"] as const;

/** The same filters drive the table and the CSV link, so the export is exactly what is on screen (all pages). */
function exportHref(filters: Filters): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value !== undefined && value !== "" && value !== false) query.set(key, String(value));
  return `/api/admin/audit-export?${query.toString()}`;
}

export function AuditLogView({ timezone }: { timezone: string }) {
  const { locale, t } = useI18n();
  const trpc = useTRPC();
  const [draft, setDraft] = useState<Filters>({});
  const [filters, setFilters] = useState<Filters>({});
  const [page, setPage] = useState(1);
  const organizations = useQuery(trpc.admin.audit.organizations.queryOptions());
  const log = useQuery(trpc.admin.audit.list.queryOptions({ ...filters, page, pageSize: 50 }, { placeholderData: keepPreviousData }));
  const pages = log.data ? Math.max(1, Math.ceil(log.data.total / log.data.pageSize)) : 1;
  const apply = (event: FormEvent) => {
    event.preventDefault();
    const cleaned = Object.fromEntries(Object.entries(draft).map(([key, value]) => [key, typeof value === "string" ? value.trim() || undefined : value]));
    setFilters(cleaned);
    setPage(1);
  };
  const set = (key: keyof Filters, value: string | boolean | undefined) => setDraft((current) => ({ ...current, [key]: value }));

  return (
    <div className="space-y-4">
      <form className="card grid gap-3 sm:grid-cols-2 lg:grid-cols-4" onSubmit={apply} data-testid="audit-filters">
        {TEXT_FILTERS.map((key) => (
          <label key={key}>
            <span className="label">{t(`admin.auditList.${key}`)}</span>
            <input className="input" value={draft[key] ?? ""} onChange={(event) => set(key, event.target.value)} data-testid={`audit-filter-${key}`} />
          </label>
        ))}
        <label>
          <span className="label">{t("admin.auditList.organization")}</span>
          <select className="input" value={draft.organizationId ?? ""} onChange={(event) => set("organizationId", event.target.value || undefined)}>
            <option value="">{t("admin.auditList.allOrganizations")}</option>
            {organizations.data?.map((org) => <option key={org.id} value={org.id}>{org.name}</option>)}
          </select>
        </label>
        <label>
          <span className="label">{t("admin.auditList.from")}</span>
          <input className="input" type="date" value={draft.from ?? ""} onChange={(event) => set("from", event.target.value || undefined)} />
        </label>
        <label>
          <span className="label">{t("admin.auditList.to")}</span>
          <input className="input" type="date" value={draft.to ?? ""} onChange={(event) => set("to", event.target.value || undefined)} />
        </label>
        <label className="flex items-center gap-2 self-end text-sm">
          <input type="checkbox" checked={draft.impersonatedOnly ?? false} onChange={(event) => set("impersonatedOnly", event.target.checked || undefined)} />
          {t("admin.auditList.impersonatedOnly")}
        </label>
        <div className="flex items-end gap-2">
          <button className="btn-primary" type="submit">{t("admin.auditList.apply")}</button>
          <a className="btn-secondary" href={exportHref(filters)} download data-testid="audit-export">{t("admin.auditList.export")}</a>
        </div>
      </form>

      {log.error && <p className="form-error" role="alert">{log.error.message}</p>}
      {log.data?.rows.length === 0 ? (
        <p className="card py-10 text-center text-sm text-ink-muted">{t("admin.auditList.empty")}</p>
      ) : (
        <div className="card overflow-x-auto p-0">
          <table className="w-full text-left text-sm" data-testid="audit-table">
            <thead className="bg-gray-50 text-ink-muted">
              <tr>
                {(["time", "action", "actor", "impersonator", "organization", "target", "ip", "details"] as const).map((column) => (
                  <th key={column} className="px-3 py-2 font-medium">{t(`admin.auditList.${column}`)}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {log.data?.rows.map((row) => (
                <tr key={row.id} className="border-t border-gray-100 align-top" data-testid="audit-row">
                  <td className="whitespace-nowrap px-3 py-2">{formatDateTime(row.createdAt, locale, timezone)}</td>
                  <td className="px-3 py-2 font-mono text-xs">{row.action}</td>
                  <td className="px-3 py-2">{row.actor?.email ?? row.actorId ?? "—"}</td>
                  <td className="px-3 py-2">{row.impersonator?.email ?? "—"}</td>
                  <td className="px-3 py-2">{row.organization?.name ?? "—"}</td>
                  <td className="px-3 py-2 font-mono text-xs">{row.targetType ? `${row.targetType}:${row.targetId}` : "—"}</td>
                  <td className="px-3 py-2" title={row.userAgent ?? undefined}>{row.ip ?? "—"}</td>
                  <td className="max-w-xs truncate px-3 py-2 font-mono text-xs" title={JSON.stringify(row.metadata)}>{JSON.stringify(row.metadata)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="flex items-center justify-between text-sm text-ink-muted">
        <span>{t("admin.userList.total", { total: log.data?.total ?? 0 })}</span>
        <Pager page={page} pages={pages} onPage={setPage} />
      </div>
    </div>
  );
}
