"use client";

import { Card, Title } from "@tremor/react";
import Link from "next/link";
import type { DashboardOverview } from "@/server/services/costs/cost-query-contract";
import { formatMoney } from "../../../../_i18n/format";
import { useI18n } from "../../../../_i18n/i18n-provider";
import { typeLabel } from "../../resources/_components/labels";

/** The ten resources that cost most in the period, each with its share of the period's spend. */
export function TopResources({ overview }: { overview: DashboardOverview }) {
  const { locale, t } = useI18n();
  const total = Number(overview.kpis.totalSpend);
  return (
    <Card className="h-full" data-testid="top-resources">
      <Title>{t("dashboard.top.title")}</Title>
      {overview.topResources.length === 0 ? (
        <p className="mt-6 text-sm text-ink-muted">{t("dashboard.top.empty")}</p>
      ) : (
        <div className="mt-4 overflow-x-auto">
          <table className="w-full text-sm">
            <thead className="border-b border-gray-200 text-left text-ink-muted">
              <tr>
                <th className="py-2 pr-4 font-medium">{t("dashboard.top.resource")}</th>
                <th className="py-2 pr-4 font-medium">{t("dashboard.top.type")}</th>
                <th className="py-2 pr-4 font-medium">{t("dashboard.top.connection")}</th>
                <th className="py-2 text-right font-medium">{t("dashboard.top.cost")}</th>
              </tr>
            </thead>
            <tbody>
              {overview.topResources.map((row) => {
                const share = total > 0 ? Math.min(100, (Number(row.cost) / total) * 100) : 0;
                return (
                  <tr key={`${row.connectionId}:${row.providerResourceId}`} className="border-b border-gray-100 last:border-0" data-testid="top-resource-row">
                    <td className="max-w-[16rem] py-2 pr-4">
                      {row.resourceId ? (
                        <Link className="font-medium text-brand-primary hover:underline" href={`/${locale}/resources/${row.resourceId}`} data-testid="top-resource-link">{row.name}</Link>
                      ) : (
                        <span className="font-medium">{row.name}</span>
                      )}
                      <div className="mt-1 h-1.5 rounded bg-gray-100" aria-hidden><div className="h-full rounded bg-brand-secondary" style={{ width: `${share}%` }} /></div>
                    </td>
                    <td className="py-2 pr-4 text-ink-muted">{row.resourceType ? typeLabel(t, row.resourceType) : "—"}</td>
                    <td className="py-2 pr-4 text-ink-muted">{row.connectionName}</td>
                    <td className="py-2 text-right font-medium tabular-nums">{formatMoney(row.cost, overview.currency, locale)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
