"use client";

import { useState } from "react";
import { useI18n } from "../../../_i18n/i18n-provider";

/** Unlinking stops answers and alerts in a chat at once, so it asks first. */
export function UnlinkChatButton({ onConfirm, pending }: { onConfirm: () => void; pending: boolean }) {
  const { t } = useI18n();
  const [confirming, setConfirming] = useState(false);
  if (!confirming) {
    return (
      <button className="btn-danger py-1" type="button" onClick={() => setConfirming(true)} data-testid="telegram-unlink">
        {t("telegram.unlink")}
      </button>
    );
  }
  return (
    <span className="inline-flex flex-wrap items-center gap-2 text-sm" role="alertdialog">
      <span>{t("telegram.unlinkConfirm")}</span>
      <button className="btn-danger py-1" type="button" disabled={pending} onClick={onConfirm} data-testid="telegram-unlink-confirm">{t("common.confirm")}</button>
      <button className="btn-secondary py-1" type="button" onClick={() => setConfirming(false)}>{t("common.cancel")}</button>
    </span>
  );
}
