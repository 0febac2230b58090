"use client";

import { Card, ProgressBar, Text, Title } from "@tremor/react";
import type { DashboardOverview } from "@/server/services/costs/cost-query-contract";
import { formatNumber } from "../../../../_i18n/format";
import { useI18n } from "../../../../_i18n/i18n-provider";

/** Allocated capacity is known from inventory; usage only from metrics, and without them we say so instead of guessing. */
export function UtilizationCard({ utilization }: { utilization: DashboardOverview["utilization"] }) {
  const { locale, t } = useI18n();
  const { allocated, used } = utilization;
  const number = (value: number) => new Intl.NumberFormat(locale === "ru" ? "ru-RU" : "en-US", { maximumFractionDigits: 1 }).format(value);
  const capacity = [
    ["vcpus", t("dashboard.utilization.vcpus"), formatNumber(allocated.vcpus, locale)],
    ["ram", t("dashboard.utilization.ram"), t("dashboard.utilization.gb", { value: number(allocated.ramGb) })],
    ["storage", t("dashboard.utilization.storage"), t("dashboard.utilization.gb", { value: number(allocated.storageGb) })],
  ] as const;
  return (
    <Card className="h-full" data-testid="utilization">
      <Title>{t("dashboard.utilization.title")}</Title>
      <Text>{t("dashboard.utilization.hint")}</Text>
      <dl className="mt-4 grid grid-cols-3 gap-3">
        {capacity.map(([key, label, value]) => (
          <div key={key}>
            <dt className="truncate text-sm text-ink-muted" title={label}>{label}</dt>
            <dd className="whitespace-nowrap text-lg font-semibold tabular-nums" data-testid={`allocated-${key}`}>{value}</dd>
          </div>
        ))}
      </dl>
      {used === null ? (
        <p className="mt-4 rounded-md border border-blue-200 bg-blue-50 px-3 py-2 text-sm text-blue-900" data-testid="utilization-no-metrics">{t("dashboard.utilization.noMetrics")}</p>
      ) : (
        <div className="mt-4 space-y-3" data-testid="utilization-used">
          <Text>{t("dashboard.utilization.withMetrics", { count: formatNumber(utilization.resourcesWithMetrics, locale) })}</Text>
          {([["cpu", used.cpuPercent], ["ramUsed", used.ramPercent], ["storageUsed", used.storagePercent]] as const).map(([key, percent]) => (
            <div key={key}>
              <div className="flex justify-between text-sm"><span>{t(`dashboard.utilization.${key}`)}</span><span className="tabular-nums" data-testid={`used-${key}`}>{percent === null ? t("dashboard.utilization.notCollected") : `${number(percent)}%`}</span></div>
              {percent !== null && <ProgressBar value={percent} color={percent > 85 ? "red" : percent < 20 ? "amber" : "blue"} className="mt-1" />}
              {key === "cpu" && used.cpu && <p className="mt-1 text-xs text-ink-muted" data-testid="used-cpu-share">{t("dashboard.utilization.cpuShare", { used: number(used.cpu.busyVcpus), total: number(used.cpu.vcpus) })}</p>}
              {key === "ramUsed" && used.ram && <p className="mt-1 text-xs text-ink-muted" data-testid="used-ram-share">{t("dashboard.utilization.ramShare", { used: number(used.ram.usedGb), total: number(used.ram.ramGb) })}</p>}
            </div>
          ))}
          <div className="flex justify-between text-sm">
            <span>{t("dashboard.utilization.network")}</span>
            <span className="tabular-nums" data-testid="used-network">{used.networkGb === null ? t("dashboard.utilization.notCollected") : t("dashboard.utilization.networkGb", { value: number(used.networkGb) })}</span>
          </div>
        </div>
      )}
    </Card>
  );
}
