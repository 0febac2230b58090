"use client";

import { createContext, useCallback, useContext, type ReactNode } from "react";
import { translate, type Locale, type MessageKey, type MessageParams, type Messages } from "@/server/i18n";

const I18nContext = createContext<{ locale: Locale; messages: Messages } | null>(null);

export function I18nProvider({ locale, messages, children }: { locale: Locale; messages: Messages; children: ReactNode }) {
  return <I18nContext.Provider value={{ locale, messages }}>{children}</I18nContext.Provider>;
}

export function useI18n() {
  const value = useContext(I18nContext);
  if (!value) throw new Error("useI18n must be used inside <I18nProvider>");
  const { locale, messages } = value;
  const t = useCallback((key: MessageKey, params?: MessageParams) => translate(messages, key, params), [messages]);
  return { locale, t };
}
