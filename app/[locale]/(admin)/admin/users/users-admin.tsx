"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { formatDateTime } from "../../../../_i18n/format";
import { Pager } from "../../../../_components/pager";
import { useI18n } from "../../../../_i18n/i18n-provider";
import { useTRPC } from "../../../../_trpc/react";
import type { RouterInputs, RouterOutputs } from "../../../../_trpc/types";
import { ActAsDialog } from "./act-as-dialog";
import { UserDialog } from "./user-dialog";

export type AdminUserRow = RouterOutputs["admin"]["users"]["list"]["users"][number];
type Filters = RouterInputs["admin"]["users"]["list"];

export function UsersAdmin({ meId, isSuperAdmin, canManage, canImpersonate, timezone }: { meId: string; isSuperAdmin: boolean; canManage: boolean; canImpersonate: boolean; timezone: string }) {
  const { locale, t } = useI18n();
  const trpc = useTRPC();
  const [filters, setFilters] = useState<Filters>({ page: 1, pageSize: 20 });
  const [search, setSearch] = useState("");
  const [editing, setEditing] = useState<AdminUserRow | "new" | null>(null);
  const [actingAs, setActingAs] = useState<AdminUserRow | null>(null);
  const users = useQuery(trpc.admin.users.list.queryOptions(filters, { placeholderData: keepPreviousData }));
  const pages = users.data ? Math.max(1, Math.ceil(users.data.total / users.data.pageSize)) : 1;
  const page = filters.page ?? 1;
  const refilter = (changes: Partial<Filters>) => setFilters((current) => ({ ...current, ...changes, page: changes.page ?? 1 }));
  const onSearch = (event: FormEvent) => {
    event.preventDefault();
    refilter({ search: search.trim() || undefined });
  };

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end gap-3">
        <form className="flex min-w-64 flex-1 gap-2" onSubmit={onSearch} role="search">
          <input className="input" type="search" value={search} onChange={(event) => setSearch(event.target.value)} placeholder={t("admin.userList.search")} aria-label={t("admin.userList.search")} data-testid="user-search" />
          <button className="btn-secondary" type="submit">{t("admin.userList.apply")}</button>
        </form>
        <select className="input w-auto" aria-label={t("admin.userList.role")} value={filters.role ?? ""} onChange={(event) => refilter({ role: (event.target.value || undefined) as Filters["role"] })}>
          <option value="">{t("admin.userList.allRoles")}</option>
          {(["user", "admin", "super_admin"] as const).map((role) => <option key={role} value={role}>{t(`admin.platformRoles.${role}`)}</option>)}
        </select>
        <select className="input w-auto" aria-label={t("admin.userList.status")} value={filters.status ?? ""} onChange={(event) => refilter({ status: (event.target.value || undefined) as Filters["status"] })}>
          <option value="">{t("admin.userList.allStatuses")}</option>
          {(["active", "disabled"] as const).map((status) => <option key={status} value={status}>{t(`admin.status.${status}`)}</option>)}
        </select>
        {canManage && <button className="btn-primary" type="button" onClick={() => setEditing("new")} data-testid="create-user">{t("admin.actions.create")}</button>}
      </div>

      {users.error && <p className="form-error" role="alert">{users.error.message}</p>}
      {users.data?.users.length === 0 ? (
        <p className="card py-10 text-center text-sm text-ink-muted">{t("admin.userList.empty")}</p>
      ) : (
        <div className="card overflow-x-auto p-0">
          <table className="w-full text-left text-sm" data-testid="users-table">
            <thead className="bg-gray-50 text-ink-muted">
              <tr>
                {(["email", "role", "organizations", "created", "lastLogin", "methods", "status", "actions"] as const).map((column) => (
                  <th key={column} className="px-4 py-2 font-medium">{t(`admin.userList.${column}`)}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {users.data?.users.map((user) => (
                <tr key={user.id} className="border-t border-gray-100 align-top" data-testid="user-row">
                  <td className="px-4 py-2">
                    <div className="font-medium">{user.name ?? "—"}</div>
                    <div className="text-ink-muted">{user.email}</div>
                  </td>
                  <td className="px-4 py-2">{t(`admin.platformRoles.${user.platformRole}`)}</td>
                  <td className="px-4 py-2">{user.organizations.map((org) => `${org.name} (${t(`roles.${org.role}`)})`).join(", ") || "—"}</td>
                  <td className="px-4 py-2 whitespace-nowrap">{formatDateTime(user.createdAt, locale, timezone)}</td>
                  <td className="px-4 py-2 whitespace-nowrap">{user.lastLoginAt ? formatDateTime(user.lastLoginAt, locale, timezone) : t("admin.userList.never")}</td>
                  <td className="px-4 py-2">{user.loginMethods.map((method) => (method === "password" || method === "google" ? t(`admin.methods.${method}`) : method)).join(", ") || "—"}</td>
                  <td className="px-4 py-2">
                    <span className={user.disabled ? "text-red-600" : "text-emerald-700"}>{t(user.disabled ? "admin.status.disabled" : "admin.status.active")}</span>
                  </td>
                  <td className="px-4 py-2 whitespace-nowrap">
                    {canManage && <button className="btn-secondary mr-2 py-1" type="button" onClick={() => setEditing(user)}>{t("admin.actions.edit")}</button>}
                    {canImpersonate && user.id !== meId && user.platformRole !== "super_admin" && !user.disabled && (
                      <button className="btn-secondary py-1" type="button" onClick={() => setActingAs(user)} data-testid="act-as">{t("admin.actions.actAs")}</button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <div className="flex items-center justify-between text-sm text-ink-muted">
        <span>{t("admin.userList.total", { total: users.data?.total ?? 0 })}</span>
        <Pager page={page} pages={pages} onPage={(next) => refilter({ page: next })} />
      </div>

      {editing && <UserDialog user={editing === "new" ? null : editing} meId={meId} isSuperAdmin={isSuperAdmin} onClose={() => setEditing(null)} />}
      {actingAs && <ActAsDialog user={actingAs} onClose={() => setActingAs(null)} />}
    </div>
  );
}
