"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { PASSWORD_MIN_LENGTH } from "@/server/auth/password-policy";
import { useI18n } from "../../../_i18n/i18n-provider";
import { useTRPC } from "../../../_trpc/react";

/** Change the password (current one required), or set a first one for accounts created through Google. */
export function PasswordForm({ hasPassword }: { hasPassword: boolean }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const router = useRouter();
  const [done, setDone] = useState(false);
  const options = { onSuccess: () => { setDone(true); router.refresh(); } };
  const change = useMutation(trpc.user.changePassword.mutationOptions(options));
  const set = useMutation(trpc.user.setPassword.mutationOptions(options));
  const error = (hasPassword ? change.error : set.error)?.message;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setDone(false);
    const form = event.currentTarget;
    const data = new FormData(form);
    const newPassword = String(data.get("newPassword") ?? "");
    const reset = () => form.reset();
    if (hasPassword) change.mutate({ currentPassword: String(data.get("currentPassword") ?? ""), newPassword }, { onSuccess: reset });
    else set.mutate({ newPassword }, { onSuccess: reset });
  }

  return (
    <form className="grid max-w-md gap-4" onSubmit={onSubmit}>
      {!hasPassword && <p className="text-sm text-ink-muted">{t("settings.setPasswordHint")}</p>}
      {hasPassword && (
        <div>
          <label className="label" htmlFor="current-password">{t("settings.currentPassword")}</label>
          <input id="current-password" name="currentPassword" type="password" className="input" autoComplete="current-password" required />
        </div>
      )}
      <div>
        <label className="label" htmlFor="new-password">{t("settings.newPassword")}</label>
        <input id="new-password" name="newPassword" type="password" className="input" autoComplete="new-password" required />
        <p className="mt-1 text-xs text-ink-muted">{t("auth.passwordRules", { min: PASSWORD_MIN_LENGTH })}</p>
      </div>
      <div className="flex items-center gap-3">
        <button className="btn-primary" type="submit" disabled={change.isPending || set.isPending}>
          {hasPassword ? t("settings.changePassword") : t("settings.setPassword")}
        </button>
        {done && <span className="text-sm text-emerald-700" role="status">{t("settings.passwordChanged")}</span>}
      </div>
      {error && <p className="form-error" role="alert">{error}</p>}
    </form>
  );
}
