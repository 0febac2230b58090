import fs from "node:fs";
import path from "node:path";
import { I18n } from "@grammyjs/i18n";
import type { BotContext } from "../context";

export const BOT_LOCALES = ["ru", "en"] as const;
export type BotLocale = (typeof BOT_LOCALES)[number];
export const DEFAULT_BOT_LOCALE: BotLocale = "ru";

export function toBotLocale(value: string | null | undefined): BotLocale {
  return value === "en" ? "en" : "ru";
}

/** bot/locales/<locale>/*.ftl: one Fluent file per feature, read from the project root (the server's cwd). */
const LOCALES_DIR = path.join(process.cwd(), "bot", "locales");

function readLocaleSource(locale: BotLocale): string {
  const dir = path.join(LOCALES_DIR, locale);
  return fs
    .readdirSync(dir)
    .filter((file) => file.endsWith(".ftl"))
    .sort()
    .map((file) => fs.readFileSync(path.join(dir, file), "utf8"))
    .join("\n");
}

/**
 * The bot's Fluent translations. A linked chat's saved language wins; an unlinked chat gets the sender's Telegram
 * language when it is English, else Russian. Placeables are not wrapped in Unicode isolation marks: the texts
 * are plain Telegram messages (and tests compare them).
 */
function buildI18n(): I18n<BotContext> {
  const i18n = new I18n<BotContext>({
    defaultLocale: DEFAULT_BOT_LOCALE,
    fluentBundleOptions: { useIsolating: false },
    localeNegotiator: (ctx) => ctx.linkedChat?.locale ?? (ctx.from?.language_code?.startsWith("en") ? "en" : DEFAULT_BOT_LOCALE),
  });
  for (const locale of BOT_LOCALES) i18n.loadLocaleSync(locale, { source: readLocaleSource(locale), isDefault: locale === DEFAULT_BOT_LOCALE });
  return i18n;
}

let shared: I18n<BotContext> | undefined;

/** One translation set per process, shared by every bot instance and by alerts sent outside an update. */
export function botI18n(): I18n<BotContext> {
  shared ??= buildI18n();
  return shared;
}

/** A bot text outside an update (alerts, digests, the /sync progress message). */
export function translateBot(locale: string, key: string, variables?: Record<string, string | number>): string {
  return botI18n().t(toBotLocale(locale), key, variables);
}
