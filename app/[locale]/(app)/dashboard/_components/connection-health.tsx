"use client";

import { Card, Title } from "@tremor/react";
import Link from "next/link";
import type { DashboardOverview } from "@/server/services/costs/cost-query-contract";
import { formatDateTime, formatMoney, formatNumber, formatRelative } from "../../../../_i18n/format";
import { useI18n } from "../../../../_i18n/i18n-provider";
import { ConnectionStatusBadge } from "../../connections/_components/status-badge";

const LOW_BALANCE_DAYS = 30;
const STATUSES = ["pending", "active", "syncing", "error", "disabled"] as const;

/** Is each cloud syncing, and how long will its prepaid balance last? */
export function ConnectionHealth({ connections, currency, timezone }: { connections: DashboardOverview["connectionHealth"]; currency: string; timezone: string }) {
  const { locale, t } = useI18n();
  return (
    <Card data-testid="connection-health">
      <Title>{t("dashboard.health.title")}</Title>
      <div className="mt-4 overflow-x-auto">
        <table className="w-full text-sm">
          <thead className="border-b border-gray-200 text-left text-ink-muted">
            <tr>
              <th className="py-2 pr-4 font-medium">{t("dashboard.health.connection")}</th>
              <th className="py-2 pr-4 font-medium">{t("dashboard.health.status")}</th>
              <th className="py-2 pr-4 font-medium">{t("dashboard.health.lastSync")}</th>
              <th className="py-2 pr-4 text-right font-medium">{t("dashboard.health.balance")}</th>
              <th className="py-2 pr-4 font-medium">{t("dashboard.health.daysLeft")}</th>
              <th className="py-2 pr-4 text-right font-medium">{t("dashboard.health.periodCost")}</th>
              <th className="py-2 text-right font-medium">{t("dashboard.health.resources")}</th>
            </tr>
          </thead>
          <tbody>
            {connections.map((connection) => {
              const status = STATUSES.find((candidate) => candidate === connection.status) ?? "pending";
              const low = connection.daysLeft !== null && connection.daysLeft < LOW_BALANCE_DAYS;
              return (
                <tr key={connection.id} className="border-b border-gray-100 align-top last:border-0" data-testid="health-row" data-name={connection.name}>
                  <td className="py-2 pr-4">
                    <Link className="font-medium text-brand-primary hover:underline" href={`/${locale}/connections/${connection.id}`} data-testid="health-link">{connection.name}</Link>
                    <div className="text-xs text-ink-muted">{connection.providerName}</div>
                  </td>
                  <td className="py-2 pr-4">
                    <ConnectionStatusBadge status={status} />
                    {connection.statusMessage && status === "error" && <div className="mt-1 max-w-xs text-xs text-brand-error">{connection.statusMessage}</div>}
                  </td>
                  <td className="py-2 pr-4" data-testid="health-last-sync">
                    {connection.lastSyncAt ? (
                      <>
                        <div>{formatRelative(connection.lastSyncAt, locale)}</div>
                        <div className="text-xs text-ink-muted">{formatDateTime(connection.lastSyncAt, locale, timezone)}</div>
                      </>
                    ) : (
                      <span className="text-ink-muted">{t("dashboard.health.never")}</span>
                    )}
                  </td>
                  <td className="py-2 pr-4 text-right tabular-nums" data-testid="health-balance">
                    {connection.balance === null ? "—" : formatMoney(connection.balance, connection.balanceCurrency ?? currency, locale)}
                  </td>
                  <td className="py-2 pr-4" data-testid="health-days-left">
                    {connection.daysLeft === null ? (
                      "—"
                    ) : (
                      <span className={low ? "font-medium text-amber-700" : ""} title={low ? t("dashboard.health.lowBalance") : undefined}>
                        {low ? "⚠ " : ""}
                        {t("dashboard.health.days", { days: formatNumber(connection.daysLeft, locale) })}
                        {low && <span className="block text-xs">{t("dashboard.health.lowBalance")}</span>}
                      </span>
                    )}
                  </td>
                  <td className="py-2 pr-4 text-right tabular-nums">{formatMoney(connection.periodCost, currency, locale)}</td>
                  <td className="py-2 text-right tabular-nums">{formatNumber(connection.resourceCount, locale)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </Card>
  );
}
