import type { BotLocale } from "../../../bot/i18n/bot-i18n";

/**
 * A page of the web app for an alert's button: `<appUrl>/<locale><path>?query` (array values repeat the key, as
 * the cost explorer's filters expect). Empty values are left out.
 */
export function webLink(appUrl: string, locale: BotLocale, path: string, query: Record<string, string | string[]> = {}): string {
  const url = new URL(`${appUrl}/${locale}${path}`);
  for (const [key, value] of Object.entries(query)) {
    for (const item of Array.isArray(value) ? value : [value]) if (item) url.searchParams.append(key, item);
  }
  return url.toString();
}
