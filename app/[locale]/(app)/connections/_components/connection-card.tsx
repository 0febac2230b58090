"use client";

import Image from "next/image";
import Link from "next/link";
import { formatDateTime, formatMoney, formatNumber } from "../../../../_i18n/format";
import { useI18n } from "../../../../_i18n/i18n-provider";
import type { RouterOutputs } from "../../../../_trpc/types";
import { AccountDetails } from "./account-details";
import { ConnectionStatusBadge } from "./status-badge";
import { TestConnectionButton } from "./test-connection-button";
import { SyncNowControl } from "./sync-now-control";

export type ConnectionSummary = RouterOutputs["connection"]["list"][number];

const LOW_BALANCE_DAYS = 30;

/** One provider card: status, last sync in the user's time zone, monthly cost, resources; the account (balance, days left) folds out. */
export function ConnectionCard({ connection, timezone, canManage, canSync, onEdit, onDelete }: {
  connection: ConnectionSummary;
  timezone: string;
  canManage: boolean;
  canSync: boolean;
  onEdit: () => void;
  onDelete: () => void;
}) {
  const { locale, t } = useI18n();
  const monthly = connection.monthlyCosts.length ? connection.monthlyCosts.map((cost) => formatMoney(cost.amount, cost.currency, locale)).join(" + ") : formatMoney("0", "RUB", locale);
  const lowBalance = connection.daysLeft !== null && connection.daysLeft < LOW_BALANCE_DAYS;
  return (
    <article className="card space-y-4" data-testid="connection-card" data-name={connection.name}>
      <div className="flex items-start justify-between gap-4">
        <div className="flex min-w-0 items-center gap-3">
          {connection.logo && <Image src={connection.logo} alt="" width={40} height={40} unoptimized className="h-10 w-10 shrink-0 rounded-md border border-gray-100 bg-white p-1" />}
          <div className="min-w-0">
            <h2 className="truncate text-lg font-semibold" data-testid="connection-name">{connection.name}</h2>
            <p className="truncate text-sm text-ink-muted">
              {connection.providerName}
              {connection.accountName ? ` · ${connection.accountName}` : ""}
            </p>
          </div>
        </div>
        <ConnectionStatusBadge status={connection.status} />
      </div>
      {connection.status === "error" && connection.statusMessage && <p className="form-error" data-testid="connection-error">{connection.statusMessage}</p>}
      {connection.providerDisabled && (
        <p className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-800" role="status" data-testid="provider-disabled">
          {t("connections.providerDisabledNotice", { provider: connection.providerName })}
        </p>
      )}

      <dl className="grid grid-cols-2 gap-4 text-sm md:grid-cols-3">
        <div>
          <dt className="text-ink-muted">{t("connections.monthlyCost")}</dt>
          <dd className="font-semibold tabular-nums" data-testid="connection-monthly">{monthly}</dd>
        </div>
        <div>
          <dt className="text-ink-muted">{t("connections.resources")}</dt>
          <dd className="font-semibold tabular-nums" data-testid="connection-resources">{formatNumber(connection.resourceCount, locale)}</dd>
        </div>
        <div>
          <dt className="text-ink-muted">{t("connections.lastSync")}</dt>
          <dd className="font-semibold" data-testid="connection-last-sync">{connection.lastSyncAt ? formatDateTime(connection.lastSyncAt, locale, timezone) : t("connections.never")}</dd>
        </div>
      </dl>
      <AccountDetails connection={connection} lowBalance={lowBalance} />
      {lowBalance && <p className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-800" data-testid="low-balance">{t("connections.lowBalance")}</p>}

      <SyncNowControl
        connectionId={connection.id}
        latestRun={connection.latestRun}
        canSync={canSync && !connection.providerDisabled}
        actions={
          <>
            <Link className="btn-secondary" href={`/${locale}/connections/${connection.id}`} data-testid="connection-history">{t("connections.history")}</Link>
            {canManage && <TestConnectionButton connection={connection} />}
            {canManage && <button type="button" className="btn-secondary" onClick={onEdit} data-testid="connection-edit">{t("connections.edit")}</button>}
            {canManage && <button type="button" className="btn-danger" onClick={onDelete} data-testid="connection-delete">{t("connections.delete")}</button>}
          </>
        }
      />
    </article>
  );
}
