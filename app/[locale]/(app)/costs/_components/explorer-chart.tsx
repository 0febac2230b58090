"use client";

import { BarChart, Card, Title } from "@tremor/react";
import type { CostExplorerResult } from "@/server/services/costs/cost-query-contract";
import { formatMoneyRounded } from "../../../../_i18n/format";
import { useI18n } from "../../../../_i18n/i18n-provider";
import { bucketLabel } from "./bucket-label";
import type { GroupLabel } from "./group-label";

const COLORS = ["blue", "emerald", "amber", "violet", "rose", "cyan", "indigo", "lime", "fuchsia", "teal", "slate"];

/** The top groups stacked per bucket (the server folds the rest into one "other" series). */
export function ExplorerChart({ result, groupLabel }: { result: CostExplorerResult; groupLabel: GroupLabel }) {
  const { locale, t } = useI18n();
  // Chart categories are object keys: two groups with the same name (two "web-1" servers) must not merge.
  const seen = new Map<string, number>();
  const names = result.chart.series.map((series) => {
    const base = groupLabel(series.key, series.label);
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return count === 1 ? base : `${base} (${count})`;
  });
  const data = result.chart.points.map((point) => ({
    bucket: bucketLabel(point.bucket, result.granularity, locale, t),
    ...Object.fromEntries(names.map((name, index) => [name, Number(point.costs[index] ?? 0)])),
  }));
  return (
    <Card className="p-4" data-testid="explorer-chart">
      <Title>{t("costs.chart.title")}</Title>
      {names.length === 0 ? (
        <p className="mt-4 text-sm text-ink-muted" data-testid="explorer-empty">{t("costs.chart.empty")}</p>
      ) : (
        <BarChart
          className="mt-4 h-80"
          data={data}
          index="bucket"
          categories={names}
          colors={COLORS}
          stack
          valueFormatter={(value: number) => formatMoneyRounded(value, result.currency, locale)}
          yAxisWidth={96}
          showAnimation={false}
        />
      )}
    </Card>
  );
}
