import type { BotLocale } from "../i18n/bot-i18n";

/** The Intl tags the web uses (app/_i18n/format.ts), for the few formats that file has no helper for. */
export const INTL_LOCALE: Record<BotLocale, string> = { ru: "ru-RU", en: "en-US" };
