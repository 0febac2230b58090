"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { PLATFORM_PERMISSIONS } from "@/server/auth/platform-permissions";
import type { PlatformPermission, PlatformRole } from "@/server/db/generated/enums";
import { Modal } from "../../../../_components/modal";
import { useI18n } from "../../../../_i18n/i18n-provider";
import { useTRPC } from "../../../../_trpc/react";
import { OneTimeLink } from "./one-time-link";
import type { AdminUserRow } from "./users-admin";

/** Create a user, or edit one: profile, role and permissions (super admin), reset link, disable/enable, delete. */
export function UserDialog({ user, meId, isSuperAdmin, onClose }: { user: AdminUserRow | null; meId: string; isSuperAdmin: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState(user?.email ?? "");
  const [name, setName] = useState(user?.name ?? "");
  const [role, setRole] = useState<PlatformRole>(user?.platformRole ?? "user");
  const [permissions, setPermissions] = useState<PlatformPermission[]>(user?.permissions ?? []);
  const [token, setToken] = useState<string | null>(null);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.admin.users.list.queryKey() });
  const done = { onSuccess: () => void refresh().then(onClose) };

  const create = useMutation(trpc.admin.users.create.mutationOptions({ onSuccess: (created) => { setToken(created.token); void refresh(); } }));
  const update = useMutation(trpc.admin.users.update.mutationOptions(done));
  const setRoleMutation = useMutation(trpc.admin.users.setRole.mutationOptions({ onSuccess: () => void refresh() }));
  const setDisabled = useMutation(trpc.admin.users.setDisabled.mutationOptions(done));
  const remove = useMutation(trpc.admin.users.delete.mutationOptions(done));
  const reset = useMutation(trpc.admin.users.resetPassword.mutationOptions({ onSuccess: (issued) => setToken(issued.token) }));
  const error = [create, update, setRoleMutation, setDisabled, remove, reset].find((mutation) => mutation.error)?.error?.message;
  const self = user?.id === meId;

  return (
    <Modal title={user ? t("admin.editTitle", { email: user.email }) : t("admin.createTitle")} onClose={onClose} testId="user-dialog">
      {token ? (
        <OneTimeLink title={t(user ? "admin.resetLinkTitle" : "admin.createdLinkTitle")} token={token} />
      ) : (
        <form
          className="space-y-3"
          onSubmit={(event) => {
            event.preventDefault();
            if (user) update.mutate({ userId: user.id, email, name });
            else create.mutate({ email, name });
          }}
        >
          <div>
            <label className="label" htmlFor="user-email">{t("admin.userList.email")}</label>
            <input id="user-email" className="input" type="email" value={email} onChange={(event) => setEmail(event.target.value)} required maxLength={254} />
          </div>
          <div>
            <label className="label" htmlFor="user-name">{t("admin.userList.name")}</label>
            <input id="user-name" className="input" value={name} onChange={(event) => setName(event.target.value)} required maxLength={120} />
          </div>
          <button className="btn-primary" type="submit" disabled={create.isPending || update.isPending}>{user ? t("admin.actions.save") : t("admin.actions.create")}</button>
        </form>
      )}

      {user && isSuperAdmin && !token && (
        <fieldset className="space-y-2 border-t border-gray-100 pt-3">
          <legend className="font-semibold">{t("admin.roleSection")}</legend>
          <p className="text-xs text-ink-muted">{t("admin.roleHint")}</p>
          <select className="input" aria-label={t("admin.userList.role")} value={role} onChange={(event) => setRole(event.target.value as PlatformRole)}>
            {(["user", "admin", "super_admin"] as const).map((option) => <option key={option} value={option}>{t(`admin.platformRoles.${option}`)}</option>)}
          </select>
          {role === "admin" && PLATFORM_PERMISSIONS.map((permission) => (
            <label key={permission} className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                checked={permissions.includes(permission)}
                onChange={(event) => setPermissions((current) => (event.target.checked ? [...current, permission] : current.filter((item) => item !== permission)))}
              />
              {t(`admin.permissions.${permission}`)}
            </label>
          ))}
          <button className="btn-secondary" type="button" onClick={() => setRoleMutation.mutate({ userId: user.id, role, permissions })} disabled={setRoleMutation.isPending}>
            {t("admin.actions.save")}
          </button>
          {setRoleMutation.isSuccess && <span className="ml-2 text-sm text-emerald-700" role="status">{t("settings.saved")}</span>}
        </fieldset>
      )}

      {user && !token && (
        <div className="flex flex-wrap gap-2 border-t border-gray-100 pt-3">
          <button className="btn-secondary" type="button" onClick={() => reset.mutate({ userId: user.id })} disabled={reset.isPending}>{t("admin.actions.resetPassword")}</button>
          {!self && (
            <button className="btn-secondary" type="button" onClick={() => setDisabled.mutate({ userId: user.id, disabled: !user.disabled })} disabled={setDisabled.isPending}>
              {t(user.disabled ? "admin.actions.enable" : "admin.actions.disable")}
            </button>
          )}
          {!self && !confirmingDelete && <button className="btn-danger" type="button" onClick={() => setConfirmingDelete(true)}>{t("admin.actions.delete")}</button>}
        </div>
      )}
      {user && confirmingDelete && (
        <div className="space-y-2 rounded-md border border-red-200 bg-red-50 p-3 text-sm" role="alertdialog">
          <p>{t("admin.deleteConfirm", { email: user.email })}</p>
          <div className="flex gap-2">
            <button className="btn-danger" type="button" onClick={() => remove.mutate({ userId: user.id })} disabled={remove.isPending} data-testid="confirm-delete">{t("common.confirm")}</button>
            <button className="btn-secondary" type="button" onClick={() => setConfirmingDelete(false)}>{t("common.cancel")}</button>
          </div>
        </div>
      )}
      {error && <p className="form-error" role="alert">{error}</p>}
      <div className="flex justify-end">
        <button className="btn-secondary" type="button" onClick={onClose}>{t("admin.actions.close")}</button>
      </div>
    </Modal>
  );
}
