import Link from "next/link";
import type { ReactNode } from "react";
import type { Locale } from "@/server/i18n";

/** The centered card used by the sign-in, sign-up and invitation screens, with a language switch. */
export function AuthCard({ title, locale, path, children }: { title: string; locale: Locale; path: string; children: ReactNode }) {
  const other = locale === "ru" ? "en" : "ru";
  return (
    <main className="flex min-h-screen items-center justify-center bg-surface-muted px-4 py-12">
      <div className="w-full max-w-md">
        <div className="mb-6 flex items-center justify-between">
          <span className="text-xl font-bold text-brand-primary">InfraZen</span>
          <Link href={`/${other}/${path}`} className="text-sm text-ink-muted hover:text-brand-primary" data-testid="auth-language-switch">
            {other === "en" ? "English" : "Русский"}
          </Link>
        </div>
        <div className="card">
          <h1 className="mb-6 text-xl font-semibold">{title}</h1>
          {children}
        </div>
      </div>
    </main>
  );
}
