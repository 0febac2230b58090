"use client";

import { AreaChart } from "@tremor/react";
import { formatMoney } from "../../../../_i18n/format";
import { useI18n } from "../../../../_i18n/i18n-provider";

/** Daily billed cost from the cost records; amounts become numbers only to be drawn (labels stay exact). */
export function CostHistoryChart({ days }: { days: { date: string; billedCost: string; currency: string }[] }) {
  const { locale, t } = useI18n();
  const currency = days[0]?.currency ?? "RUB";
  const series = t("resources.detail.cost");
  const data = days.map((day) => ({
    date: new Intl.DateTimeFormat(locale === "ru" ? "ru-RU" : "en-US", { day: "numeric", month: "short", timeZone: "UTC" }).format(new Date(`${day.date}T00:00:00Z`)),
    [series]: Number(day.billedCost),
  }));
  return (
    <div data-testid="cost-chart">
      <AreaChart
        className="h-72"
        data={data}
        index="date"
        categories={[series]}
        colors={["blue"]}
        valueFormatter={(value: number) => formatMoney(value.toFixed(2), currency, locale)}
        showLegend={false}
        yAxisWidth={96}
      />
    </div>
  );
}
