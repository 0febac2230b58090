"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { signOut } from "next-auth/react";
import { useI18n } from "../../_i18n/i18n-provider";
import type { CurrentUser } from "./app-shell";
import { OrganizationSwitcher } from "./organization-switcher";

export function Header({ me }: { me: CurrentUser }) {
  const { locale, t } = useI18n();
  const pathname = usePathname();
  const other = locale === "ru" ? "en" : "ru";
  const switchedPath = pathname.replace(/^\/(ru|en)(?=\/|$)/, `/${other}`);
  return (
    <header className="flex flex-wrap items-center justify-between gap-4 border-b border-gray-200 bg-white px-6 py-3">
      <OrganizationSwitcher organizations={me.organizations} activeId={me.activeOrganization?.id ?? null} />
      <div className="flex items-center gap-4 text-sm">
        <Link href={switchedPath} className="text-ink-muted hover:text-brand-primary" data-testid="language-switch" aria-label={t("header.language")}>
          {other === "en" ? "EN" : "RU"}
        </Link>
        <details className="relative" data-testid="user-menu">
          <summary className="cursor-pointer list-none rounded-md px-2 py-1 hover:bg-gray-50">
            <span className="font-medium">{me.name ?? me.email}</span>
          </summary>
          <div className="absolute right-0 z-10 mt-2 w-56 rounded-md border border-gray-200 bg-white p-2 shadow-lg">
            <p className="truncate px-2 py-1 text-xs text-ink-muted">{me.email}</p>
            <Link href={`/${locale}/settings`} className="block rounded px-2 py-1.5 hover:bg-gray-50">{t("header.settings")}</Link>
            <button type="button" className="block w-full rounded px-2 py-1.5 text-left hover:bg-gray-50" onClick={() => void signOut({ callbackUrl: `/${locale}/login` })} data-testid="sign-out">
              {t("header.signOut")}
            </button>
          </div>
        </details>
      </div>
    </header>
  );
}
