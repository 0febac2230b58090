import { notFound } from "next/navigation";
import { getMessages, isLocale, translate, type Locale, type MessageKey, type MessageParams } from "@/server/i18n";

/** Resolves the `[locale]` route segment (404 for unknown ones) and returns a translator for server components. */
export async function getServerI18n(params: Promise<{ locale: string }>) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  const messages = getMessages(locale);
  return { locale: locale as Locale, messages, t: (key: MessageKey, values?: MessageParams) => translate(messages, key, values) };
}
