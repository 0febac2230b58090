"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { PASSWORD_MIN_LENGTH } from "@/server/auth/password-policy";
import { useI18n } from "../../../_i18n/i18n-provider";
import { useTRPC } from "../../../_trpc/react";

export function ResetPasswordForm({ token }: { token: string }) {
  const { locale, t } = useI18n();
  const trpc = useTRPC();
  const [password, setPassword] = useState("");
  const reset = useMutation(trpc.auth.resetPassword.mutationOptions());
  if (reset.isSuccess) {
    return (
      <div className="space-y-4">
        <p className="form-success" role="status">{t("resetPassword.done")}</p>
        <Link className="btn-primary w-full" href={`/${locale}/login`}>{t("resetPassword.toLogin")}</Link>
      </div>
    );
  }
  return (
    <form
      className="grid gap-4"
      onSubmit={(event) => {
        event.preventDefault();
        reset.mutate({ token, newPassword: password });
      }}
    >
      <div>
        <label className="label" htmlFor="reset-password">{t("settings.newPassword")}</label>
        <input id="reset-password" type="password" className="input" autoComplete="new-password" value={password} onChange={(event) => setPassword(event.target.value)} required />
        <p className="mt-1 text-xs text-ink-muted">{t("auth.passwordRules", { min: PASSWORD_MIN_LENGTH })}</p>
      </div>
      {reset.error && <p className="form-error" role="alert">{reset.error.message}</p>}
      <button className="btn-primary" type="submit" disabled={reset.isPending}>{t("resetPassword.submit")}</button>
    </form>
  );
}
