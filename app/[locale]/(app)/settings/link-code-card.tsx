"use client";

import { formatDateTime } from "../../../_i18n/format";
import { useI18n } from "../../../_i18n/i18n-provider";
import { useExpired } from "./link-code-expiry";

export interface IssuedLinkCode {
  code: string;
  purpose: "user" | "group";
  expiresAt: Date;
  deepLink: string | null;
  command: string;
}

/** A fresh code: the t.me button for a private chat, the command to paste, and until when it works. */
export function LinkCodeCard({ issued, timezone }: { issued: IssuedLinkCode; timezone: string }) {
  const { locale, t } = useI18n();
  const expired = useExpired(issued.expiresAt);
  if (expired) return <p className="form-error" role="alert" data-testid="telegram-code-expired">{t("telegram.codeExpired")}</p>;
  return (
    <div className="space-y-2 rounded-md border border-gray-200 bg-surface-muted p-3 text-sm" data-testid={`telegram-code-${issued.purpose}`}>
      <p>{t(issued.purpose === "user" ? "telegram.codeIntro" : "telegram.groupInstruction")}</p>
      <div className="flex flex-wrap items-center gap-2">
        <code className="rounded bg-white px-2 py-1 font-mono text-base" data-testid="telegram-command">{issued.command}</code>
        <button type="button" className="text-xs underline" onClick={() => void navigator.clipboard?.writeText(issued.command)}>{t("telegram.copy")}</button>
      </div>
      {issued.purpose === "user" &&
        (issued.deepLink ? (
          <a className="btn-primary" href={issued.deepLink} target="_blank" rel="noopener noreferrer" data-testid="telegram-deep-link">
            {t("telegram.openInTelegram")}
          </a>
        ) : (
          <p className="text-ink-muted">{t("telegram.noUsername")}</p>
        ))}
      <p className="text-ink-muted" data-testid="telegram-code-expires">{t("telegram.codeExpires", { time: formatDateTime(issued.expiresAt, locale, timezone) })}</p>
    </div>
  );
}
