import type { Metadata } from "next";
import type { ReactNode } from "react";
import { LOCALES } from "@/server/i18n";
import { I18nProvider } from "../_i18n/i18n-provider";
import { getServerI18n } from "../_i18n/server-i18n";
import { TRPCReactProvider } from "../_trpc/react";
import "../globals.css";

export const metadata: Metadata = { title: "InfraZen", description: "FinOps для российских облаков", icons: { icon: "/favicon.svg" } };

export function generateStaticParams() {
  return LOCALES.map((locale) => ({ locale }));
}

export default async function LocaleLayout({ children, params }: { children: ReactNode; params: Promise<{ locale: string }> }) {
  const { locale, messages } = await getServerI18n(params);
  return (
    <html lang={locale}>
      <body>
        <I18nProvider locale={locale} messages={messages}>
          <TRPCReactProvider locale={locale}>{children}</TRPCReactProvider>
        </I18nProvider>
      </body>
    </html>
  );
}
