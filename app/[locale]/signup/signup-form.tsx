"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { signIn } from "next-auth/react";
import { useState, type FormEvent } from "react";
import { PASSWORD_MIN_LENGTH } from "@/server/auth/password-policy";
import { useI18n } from "../../_i18n/i18n-provider";
import { safeNextPath } from "../../_components/safe-next-path";
import { useTRPC } from "../../_trpc/react";

export function SignupForm() {
  const { locale, t } = useI18n();
  const trpc = useTRPC();
  const router = useRouter();
  const search = useSearchParams();
  const next = safeNextPath(search.get("next"), `/${locale}/dashboard`);
  const [error, setError] = useState<string | null>(null);
  const signUp = useMutation(trpc.auth.signUp.mutationOptions());

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    const data = new FormData(event.currentTarget);
    const fields = {
      name: String(data.get("name") ?? ""),
      email: String(data.get("email") ?? ""),
      password: String(data.get("password") ?? ""),
      organizationName: String(data.get("organizationName") ?? ""),
    };
    try {
      await signUp.mutateAsync(fields);
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : t("auth.errors.generic"));
      return;
    }
    const result = await signIn("credentials", { email: fields.email, password: fields.password, redirect: false });
    if (!result || result.error) {
      router.replace(`/${locale}/login?next=${encodeURIComponent(next)}`);
      return;
    }
    router.replace(next);
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4">
      {error && <p className="form-error" role="alert" data-testid="signup-error">{error}</p>}
      <div>
        <label className="label" htmlFor="name">{t("auth.name")}</label>
        <input className="input" id="name" name="name" autoComplete="name" required maxLength={120} />
      </div>
      <div>
        <label className="label" htmlFor="email">{t("auth.email")}</label>
        <input className="input" id="email" name="email" type="email" autoComplete="email" required />
      </div>
      <div>
        <label className="label" htmlFor="password">{t("auth.password")}</label>
        <input className="input" id="password" name="password" type="password" autoComplete="new-password" required aria-describedby="password-rules" />
        <p id="password-rules" className="mt-1 text-xs text-ink-muted">{t("auth.passwordRules", { min: PASSWORD_MIN_LENGTH })}</p>
      </div>
      <div>
        <label className="label" htmlFor="organizationName">{t("auth.organizationName")}</label>
        <input className="input" id="organizationName" name="organizationName" maxLength={120} />
      </div>
      <button className="btn-primary w-full" type="submit" disabled={signUp.isPending}>{t("auth.signup")}</button>
      <p className="text-center text-sm text-ink-muted">
        {t("auth.haveAccount")}{" "}
        <Link className="font-medium text-brand-primary hover:underline" href={`/${locale}/login${search.get("next") ? `?next=${encodeURIComponent(next)}` : ""}`}>
          {t("auth.signInLink")}
        </Link>
      </p>
    </form>
  );
}
