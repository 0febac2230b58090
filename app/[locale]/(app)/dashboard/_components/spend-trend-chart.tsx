"use client";

import { AreaChart, Card, Title, Text } from "@tremor/react";
import type { DashboardOverview } from "@/server/services/costs/cost-query-contract";
import { formatDay, formatMoneyRounded } from "../../../../_i18n/format";
import { useI18n } from "../../../../_i18n/i18n-provider";

const COLORS = ["blue", "emerald", "amber", "violet", "rose", "cyan", "indigo", "lime"];

/** Daily spend stacked by provider; amounts become numbers only here, to be drawn. */
export function SpendTrendChart({ overview }: { overview: DashboardOverview }) {
  const { locale, t } = useI18n();
  const { providers, points } = overview.trend;
  const names = providers.map((provider) => provider.name);
  const data = points.map((point) => ({
    date: formatDay(point.date, locale, { day: "numeric", month: "short" }),
    ...Object.fromEntries(providers.map((provider) => [provider.name, Number(point.costs[provider.id] ?? 0)])),
  }));
  const empty = points.every((point) => Object.values(point.costs).every((cost) => Number(cost) === 0));
  return (
    <Card className="h-full" data-testid="spend-trend">
      <Title>{t("dashboard.trend.title")}</Title>
      <Text>{t("dashboard.trend.hint")}</Text>
      {empty ? (
        <p className="mt-6 text-sm text-ink-muted" data-testid="spend-trend-empty">{t("dashboard.trend.empty")}</p>
      ) : (
        <AreaChart
          className="mt-4 h-72"
          data={data}
          index="date"
          categories={names}
          colors={COLORS.slice(0, Math.max(names.length, 1))}
          stack
          valueFormatter={(value: number) => formatMoneyRounded(value, overview.currency, locale)}
          yAxisWidth={96}
          showAnimation={false}
        />
      )}
    </Card>
  );
}
