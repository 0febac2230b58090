"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useI18n } from "../../_i18n/i18n-provider";
import { NAVIGATION } from "./navigation";

export function Sidebar({ isPlatformAdmin }: { isPlatformAdmin: boolean }) {
  const { locale, t } = useI18n();
  const pathname = usePathname();
  return (
    <aside className="hidden w-60 shrink-0 flex-col border-r border-gray-200 bg-white md:flex" data-testid="sidebar">
      <div className="px-6 py-5 text-xl font-bold text-brand-primary">InfraZen</div>
      <nav className="flex flex-1 flex-col gap-1 px-3 pb-6">
        {NAVIGATION.filter((item) => !item.adminOnly || isPlatformAdmin).map((item) => {
          const href = `/${locale}/${item.segment}`;
          const active = pathname === href || pathname.startsWith(`${href}/`);
          return (
            <Link
              key={item.segment}
              href={href}
              aria-current={active ? "page" : undefined}
              className={`flex items-center gap-3 rounded-md px-3 py-2 text-sm font-medium ${active ? "bg-blue-50 text-brand-primary" : "text-ink-muted hover:bg-gray-50 hover:text-ink"}`}
            >
              <span aria-hidden className="w-4 text-center">{item.icon}</span>
              {t(item.label)}
            </Link>
          );
        })}
      </nav>
    </aside>
  );
}
