"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { AreaChart } from "@tremor/react";
import { useState } from "react";
import { formatDateTime } from "../../../../_i18n/format";
import { useI18n } from "../../../../_i18n/i18n-provider";
import { useTRPC } from "../../../../_trpc/react";
import type { RouterInputs, RouterOutputs } from "../../../../_trpc/types";

type UsageRange = NonNullable<RouterInputs["resource"]["usage"]["range"]>;
type Usage = RouterOutputs["resource"]["usage"];

const RANGES: UsageRange[] = ["24h", "7d", "30d"];

/**
 * CPU and memory percent of a resource, hour by hour, over a chosen range; hours are labelled in the user's time
 * zone. With no samples it says why: the provider reports none, only servers are measured, the server is gone,
 * nothing collected yet, or nothing in this period.
 */
export function UsageCharts({ resourceId, timezone, providerName }: { resourceId: string; timezone: string; providerName: string }) {
  const { locale, t } = useI18n();
  const trpc = useTRPC();
  const [range, setRange] = useState<UsageRange>("7d");
  const result = useQuery(trpc.resource.usage.queryOptions({ id: resourceId, range }, { placeholderData: keepPreviousData }));
  const segment = (active: boolean) =>
    `px-3 py-1.5 text-sm font-medium transition first:rounded-l-md last:rounded-r-md ${active ? "bg-brand-primary text-white" : "bg-white text-ink hover:bg-gray-50"}`;
  return (
    <section className="card space-y-4" data-testid="usage-section" aria-busy={result.isFetching}>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h2 className="text-lg font-semibold">{t("resources.usage.title")}</h2>
          <p className="text-sm text-ink-muted">{t("resources.usage.hint", { timezone })}</p>
        </div>
        <div role="group" aria-label={t("resources.usage.title")} className="inline-flex divide-x divide-gray-300 rounded-md border border-gray-300 shadow-sm">
          {RANGES.map((option) => (
            <button key={option} type="button" className={segment(option === range)} aria-pressed={option === range} onClick={() => setRange(option)} data-testid={`usage-range-${option}`}>
              {t(`resources.usage.ranges.${option}`)}
            </button>
          ))}
        </div>
      </div>
      {result.error ? (
        <p className="form-error" role="alert">{result.error.message}</p>
      ) : !result.data ? (
        <p className="text-sm text-ink-muted">{t("common.loading")}</p>
      ) : result.data.points.length === 0 ? (
        <p className="rounded-md border border-blue-200 bg-blue-50 px-3 py-2 text-sm text-blue-900" data-testid="usage-empty" data-reason={result.data.availability}>
          {emptyText(result.data, providerName, (key, params) => t(key, params), (time) => formatDateTime(time, locale, timezone))}
        </p>
      ) : (
        <UsageSeries usage={result.data} timezone={timezone} />
      )}
    </section>
  );
}

function emptyText(usage: Usage, providerName: string, t: (key: Parameters<ReturnType<typeof useI18n>["t"]>[0], params?: Record<string, string>) => string, time: (value: Date) => string): string {
  if (usage.availability === "collected") return t("resources.usage.empty.noPoints", { time: usage.lastCollectedAt ? time(usage.lastCollectedAt) : "—" });
  return t(`resources.usage.empty.${usage.availability}`, { provider: providerName });
}

function UsageSeries({ usage, timezone }: { usage: Usage; timezone: string }) {
  const { locale, t } = useI18n();
  const intlLocale = locale === "ru" ? "ru-RU" : "en-US";
  const label = new Intl.DateTimeFormat(intlLocale, usage.range === "24h" ? { hour: "2-digit", minute: "2-digit", timeZone: timezone } : { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", timeZone: timezone });
  const number = new Intl.NumberFormat(intlLocale, { maximumFractionDigits: 1 });
  const percent = (value: number) => t("resources.usage.percent", { value: number.format(value) });
  const series = [
    { key: "cpu", title: t("resources.usage.cpu"), color: "blue", values: usage.points.map((point) => point.cpuPercent), summary: usage.summary.cpu },
    { key: "ram", title: t("resources.usage.ram"), color: "emerald", values: usage.points.map((point) => point.ramPercent), summary: usage.summary.ram },
  ] as const;
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      {series.map((entry) => (
        <div key={entry.key} data-testid={`usage-chart-${entry.key}`}>
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <h3 className="font-medium">{entry.title}</h3>
            {entry.summary && (
              <p className="text-sm tabular-nums text-ink-muted">
                <span data-testid={`usage-${entry.key}-average`}>{t("resources.usage.average", { value: percent(entry.summary.average) })}</span>
                {" · "}
                <span data-testid={`usage-${entry.key}-peak`}>{t("resources.usage.peak", { value: percent(entry.summary.peak) })}</span>
              </p>
            )}
          </div>
          <AreaChart
            className="mt-2 h-56"
            data={usage.points.map((point, index) => ({ hour: label.format(new Date(point.at)), [entry.title]: entry.values[index] }))}
            index="hour"
            categories={[entry.title]}
            colors={[entry.color]}
            valueFormatter={percent}
            minValue={0}
            maxValue={100}
            showLegend={false}
            showAnimation={false}
            connectNulls
            yAxisWidth={56}
          />
        </div>
      ))}
    </div>
  );
}
