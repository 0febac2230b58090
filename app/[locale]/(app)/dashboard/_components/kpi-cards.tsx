"use client";

import { BadgeDelta, Card, Metric, Text } from "@tremor/react";
import type { ReactNode } from "react";
import type { DashboardOverview } from "@/server/services/costs/cost-query-contract";
import { formatDay, formatMoney, formatNumber } from "../../../../_i18n/format";
import { useI18n } from "../../../../_i18n/i18n-provider";

/** The five numbers a CFO reads first; spend growth is red because for costs "up" is bad news. */
export function KpiCards({ overview }: { overview: DashboardOverview }) {
  const { locale, t } = useI18n();
  const { kpis, currency, previousPeriod } = overview;
  const money = (amount: string) => formatMoney(amount, currency, locale);
  const change = kpis.changePercent === null ? null : Number(kpis.changePercent);
  const percent = change === null ? "" : new Intl.NumberFormat(locale === "ru" ? "ru-RU" : "en-US", { maximumFractionDigits: 1 }).format(Math.abs(change));
  const noSavings = Number(kpis.potentialSavings) === 0;
  return (
    // Money on a wide first row (amounts need the room), counts on a narrower second one.
    <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-6" data-testid="kpi-cards">
      <Kpi id="total-spend" label={t("dashboard.kpi.totalSpend")} value={money(kpis.totalSpend)}>
        {change !== null && (
          <BadgeDelta
            deltaType={change > 0 ? "increase" : change < 0 ? "decrease" : "unchanged"}
            isIncreasePositive={false}
            size="xs"
            data-testid="kpi-change"
            data-value={kpis.changePercent}
          >
            {change > 0 ? t("dashboard.kpi.changeUp", { percent }) : change < 0 ? t("dashboard.kpi.changeDown", { percent }) : t("dashboard.kpi.changeFlat")}
          </BadgeDelta>
        )}
        <p className="mt-1 text-tremor-default text-tremor-content" data-testid="kpi-previous">
          {Number(kpis.previousSpend) === 0
            ? t("dashboard.kpi.noPrevious")
            : t("dashboard.kpi.previous", { from: formatDay(previousPeriod.from, locale, { day: "numeric", month: "short" }), to: formatDay(previousPeriod.to, locale, { day: "numeric", month: "short" }), amount: money(kpis.previousSpend) })}
        </p>
      </Kpi>
      <Kpi id="month-to-date" label={t("dashboard.kpi.monthToDate")} value={money(kpis.monthToDate)}>
        <p className="text-tremor-default text-tremor-content" data-testid="kpi-forecast">
          {kpis.monthForecast === null ? t("dashboard.kpi.noForecast") : t("dashboard.kpi.forecast", { date: formatDay(kpis.monthEnd, locale, { day: "numeric", month: "long" }), amount: money(kpis.monthForecast) })}
        </p>
      </Kpi>
      <Kpi id="savings" label={t("dashboard.kpi.savings")} value={money(kpis.potentialSavings)} tone="emerald">
        <Text>{noSavings ? t("dashboard.kpi.noRecommendations") : t("dashboard.kpi.savingsHint")}</Text>
      </Kpi>
      <Kpi id="active-resources" label={t("dashboard.kpi.activeResources")} value={formatNumber(kpis.activeResources, locale)}>
        <Text>{t("dashboard.kpi.activeResourcesHint")}</Text>
      </Kpi>
      <Kpi id="providers" label={t("dashboard.kpi.providers")} value={formatNumber(kpis.connectedProviders, locale)}>
        <Text>{t("dashboard.kpi.providersHint", { count: formatNumber(kpis.connections, locale) })}</Text>
      </Kpi>
    </div>
  );
}

const SPANS: Record<string, string> = { "total-spend": "lg:col-span-2", "month-to-date": "lg:col-span-2", savings: "lg:col-span-2", "active-resources": "lg:col-span-3", providers: "sm:col-span-2 lg:col-span-3" };

function Kpi({ id, label, value, tone = "blue", children }: { id: string; label: string; value: string; tone?: "blue" | "emerald"; children: ReactNode }) {
  return (
    <Card decoration="top" decorationColor={tone} className={`flex flex-col gap-1 ${SPANS[id] ?? ""}`} data-testid={`kpi-${id}`}>
      <Text>{label}</Text>
      <Metric className="whitespace-nowrap tabular-nums" data-testid={`kpi-${id}-value`}>{value}</Metric>
      <div className="space-y-1 text-sm">{children}</div>
    </Card>
  );
}
