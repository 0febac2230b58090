"use client";

import { SparkAreaChart } from "@tremor/react";
import { useI18n } from "../../../../_i18n/i18n-provider";
import type { RouterOutputs } from "../../../../_trpc/types";

export type ResourceUsageSparkline = RouterOutputs["resource"]["list"]["groups"][number]["usage"][string];

/** A server's week at a glance on its card: CPU (blue) and memory (green) in 6-hour means, with the week's averages. */
export function UsageSparkline({ usage }: { usage: ResourceUsageSparkline }) {
  const { locale, t } = useI18n();
  const percent = (value: number | null) =>
    value === null ? "—" : t("resources.usage.percent", { value: new Intl.NumberFormat(locale === "ru" ? "ru-RU" : "en-US", { maximumFractionDigits: 1 }).format(value) });
  return (
    <div className="mt-3 flex flex-wrap items-center gap-3 text-sm" data-testid="resource-usage">
      {/* On 0–100 % like every card, so an idle server looks idle next to a busy one. */}
      <SparkAreaChart data={usage.points} index="at" categories={["cpu", "ram"]} colors={["blue", "emerald"]} minValue={0} maxValue={100} className="h-10 w-40" connectNulls />
      <div className="min-w-0">
        <p className="text-xs text-ink-muted">{t("resources.usage.cardTitle")}</p>
        <p className="tabular-nums">
          <span className="text-blue-700" data-testid="resource-usage-cpu">{t("resources.usage.cardCpu", { value: percent(usage.cpuAverage) })}</span>
          {" · "}
          <span className="text-emerald-700" data-testid="resource-usage-ram">{t("resources.usage.cardRam", { value: percent(usage.ramAverage) })}</span>
        </p>
      </div>
    </div>
  );
}
