"use client";

import { useI18n } from "../../../../_i18n/i18n-provider";

/** A reset link is shown once: the server keeps only its hash. */
export function OneTimeLink({ title, token }: { title: string; token: string }) {
  const { locale, t } = useI18n();
  const link = `${window.location.origin}/${locale}/reset-password/${token}`;
  return (
    <div className="form-success space-y-1">
      <p>{title}</p>
      <code className="block break-all text-xs" data-testid="reset-link">{link}</code>
      <button type="button" className="text-xs underline" onClick={() => void navigator.clipboard?.writeText(link)}>{t("settings.copy")}</button>
    </div>
  );
}
