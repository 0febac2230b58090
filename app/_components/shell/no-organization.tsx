"use client";

import Link from "next/link";
import { signOut } from "next-auth/react";
import { useI18n } from "../../_i18n/i18n-provider";
import { CreateOrganizationForm } from "../create-organization-form";

/** Shown to a signed-in user who belongs to no organization (e.g. removed from their last one). */
export function NoOrganization({ email, isPlatformAdmin = false }: { email: string; isPlatformAdmin?: boolean }) {
  const { locale, t } = useI18n();
  return (
    <main className="flex min-h-screen items-center justify-center p-6">
      <div className="card w-full max-w-md space-y-4">
        <h1 className="text-xl font-semibold">{t("settings.newOrganization")}</h1>
        <p className="text-sm text-ink-muted">{t("errors.noOrganization")}</p>
        <CreateOrganizationForm />
        {/* Platform admins often belong to no organization: their work is in the admin area. */}
        {isPlatformAdmin && <Link className="btn-secondary w-full" href={`/${locale}/admin`} data-testid="no-org-admin-link">{t("nav.admin")}</Link>}
        <button className="text-sm text-ink-muted underline" onClick={() => void signOut({ callbackUrl: `/${locale}/login` })}>
          {t("header.signOut")} ({email})
        </button>
      </div>
    </main>
  );
}
