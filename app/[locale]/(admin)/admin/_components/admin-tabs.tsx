"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useI18n } from "../../../../_i18n/i18n-provider";
import { visibleAdminSections } from "./admin-sections";

export function AdminTabs({ permissions }: { permissions: string[] }) {
  const { locale, t } = useI18n();
  const pathname = usePathname();
  return (
    <nav className="flex flex-wrap gap-2 border-b border-gray-200" aria-label={t("admin.title")}>
      {visibleAdminSections(permissions).map((tab) => {
        const href = `/${locale}/admin/${tab.segment}`;
        const active = pathname.startsWith(href);
        return (
          <Link key={tab.segment} href={href} aria-current={active ? "page" : undefined} className={`-mb-px border-b-2 px-3 py-2 text-sm font-medium ${active ? "border-brand-primary text-brand-primary" : "border-transparent text-ink-muted hover:text-ink"}`}>
            {t(tab.label)}
          </Link>
        );
      })}
    </nav>
  );
}
