"use client";

import { formatMoney, formatNumber } from "../../../../_i18n/format";
import { useI18n } from "../../../../_i18n/i18n-provider";
import type { ConnectionSummary } from "./connection-card";

/** The provider account behind a connection, folded by default; the balance stays in the summary line, and a short runway opens it. */
export function AccountDetails({ connection, lowBalance }: { connection: ConnectionSummary; lowBalance: boolean }) {
  const { locale, t } = useI18n();
  const balance = connection.balance !== null ? formatMoney(connection.balance, connection.balanceCurrency ?? "RUB", locale) : "—";
  return (
    <details className="group rounded-md border border-gray-200 text-sm" open={lowBalance} data-testid="connection-account">
      <summary className="flex cursor-pointer list-none items-center justify-between gap-3 px-3 py-2 hover:bg-gray-50">
        <span className="flex items-center gap-2 font-medium">
          <span aria-hidden className="text-ink-muted transition group-open:rotate-90">▶</span>
          {t("connections.account")}
        </span>
        <span className="tabular-nums text-ink-muted">{t("connections.balance")}: {balance}</span>
      </summary>
      <dl className="grid grid-cols-2 gap-4 border-t border-gray-100 px-3 py-3 md:grid-cols-3">
        <div>
          <dt className="text-ink-muted">{t("connections.accountName")}</dt>
          <dd className="font-medium">{connection.accountName ?? "—"}</dd>
        </div>
        <div>
          <dt className="text-ink-muted">{t("connections.balance")}</dt>
          <dd className="font-semibold tabular-nums" data-testid="connection-balance">{balance}</dd>
        </div>
        <div>
          <dt className="text-ink-muted">{t("connections.untilSuspension")}</dt>
          {connection.daysLeft !== null ? (
            <dd className={lowBalance ? "font-medium text-amber-700" : "font-medium"} data-testid="connection-days-left" title={lowBalance ? t("connections.lowBalance") : undefined}>
              {lowBalance ? "⚠ " : ""}
              {t("connections.daysLeft", { days: formatNumber(connection.daysLeft, locale) })}
            </dd>
          ) : (
            <dd className="text-ink-muted">—</dd>
          )}
        </div>
      </dl>
    </details>
  );
}
