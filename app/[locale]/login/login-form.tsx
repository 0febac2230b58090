"use client";

import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { signIn } from "next-auth/react";
import { useState, type FormEvent } from "react";
import { parseLoginErrorCode } from "@/server/auth/login-error-code";
import { useI18n } from "../../_i18n/i18n-provider";
import { safeNextPath } from "../../_components/safe-next-path";

export function LoginForm({ google, demo }: { google: boolean; demo: boolean }) {
  const { locale, t } = useI18n();
  const router = useRouter();
  const search = useSearchParams();
  const next = safeNextPath(search.get("next"), `/${locale}/dashboard`);
  const [pending, setPending] = useState<"password" | "demo" | null>(null);
  const [error, setError] = useState<string | null>(() => describe(search.get("error")));

  function describe(code: string | null): string | null {
    const parsed = parseLoginErrorCode(code);
    if (!parsed) return null;
    return t(`auth.errors.${parsed.reason}`, { minutes: parsed.minutes ?? 1 });
  }

  async function submit(provider: "credentials" | "demo", fields: Record<string, string>) {
    setPending(provider === "demo" ? "demo" : "password");
    setError(null);
    try {
      const result = await signIn(provider, { ...fields, redirect: false });
      if (!result || result.error) {
        setError(describe(result?.error ?? "generic"));
        return;
      }
      router.replace(next);
      router.refresh();
    } catch {
      setError(t("auth.errors.generic"));
    } finally {
      setPending(null);
    }
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    void submit("credentials", { email: String(data.get("email") ?? ""), password: String(data.get("password") ?? "") });
  }

  return (
    <div className="space-y-5">
      {error && <p className="form-error" role="alert" data-testid="login-error">{error}</p>}
      <form onSubmit={onSubmit} className="space-y-4">
        <div>
          <label className="label" htmlFor="email">{t("auth.email")}</label>
          <input className="input" id="email" name="email" type="email" autoComplete="email" required />
        </div>
        <div>
          <label className="label" htmlFor="password">{t("auth.password")}</label>
          <input className="input" id="password" name="password" type="password" autoComplete="current-password" required />
        </div>
        <button className="btn-primary w-full" type="submit" disabled={pending !== null}>
          {pending === "password" ? t("auth.signingIn") : t("auth.login")}
        </button>
      </form>
      {(demo || google) && <div className="text-center text-xs uppercase text-ink-muted">{t("auth.or")}</div>}
      {demo && (
        <button className="btn-secondary w-full" type="button" onClick={() => void submit("demo", {})} disabled={pending !== null} data-testid="demo-login">
          {pending === "demo" ? t("auth.signingIn") : t("auth.tryDemo")}
        </button>
      )}
      {google && (
        <button className="btn-secondary w-full" type="button" onClick={() => void signIn("google", { callbackUrl: next })} disabled={pending !== null}>
          {t("auth.google")}
        </button>
      )}
      <p className="text-center text-sm text-ink-muted">
        {t("auth.noAccount")}{" "}
        <Link className="font-medium text-brand-primary hover:underline" href={`/${locale}/signup${search.get("next") ? `?next=${encodeURIComponent(next)}` : ""}`}>
          {t("auth.createAccount")}
        </Link>
      </p>
    </div>
  );
}
