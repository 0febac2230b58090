"use client";

import { BarList, Card, DonutChart, Title } from "@tremor/react";
import type { DashboardOverview } from "@/server/services/costs/cost-query-contract";
import { formatMoney, formatMoneyRounded } from "../../../../_i18n/format";
import { useI18n } from "../../../../_i18n/i18n-provider";

const COLORS = ["blue", "emerald", "amber", "violet", "rose", "cyan", "indigo", "lime", "slate"];

/** Where the money goes: a donut for proportions, a ranked list with exact amounts as its legend. */
export function ServiceBreakdown({ overview }: { overview: DashboardOverview }) {
  const { locale, t } = useI18n();
  const items = overview.byService.map((entry) => ({ name: entry.service ?? t("dashboard.services.other"), value: Number(entry.cost) }));
  return (
    <Card className="h-full" data-testid="spend-by-service">
      <Title>{t("dashboard.services.title")}</Title>
      {items.length === 0 ? (
        <p className="mt-6 text-sm text-ink-muted">{t("dashboard.services.empty")}</p>
      ) : (
        <>
          <DonutChart
            className="mt-4 h-40"
            data={items}
            category="value"
            index="name"
            colors={COLORS}
            valueFormatter={(value: number) => formatMoneyRounded(value, overview.currency, locale)}
            showAnimation={false}
          />
          <BarList
            className="mt-4"
            data={items.map((item, index) => ({ name: item.name, value: item.value, color: COLORS[index % COLORS.length] }))}
            // Amounts arrive with two decimals, so toFixed(2) gives the exact string back.
            valueFormatter={(value: number) => formatMoney(value.toFixed(2), overview.currency, locale)}
            data-testid="service-list"
          />
        </>
      )}
    </Card>
  );
}
