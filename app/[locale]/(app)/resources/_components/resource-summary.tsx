"use client";

import { formatMoney, formatNumber } from "../../../../_i18n/format";
import { useI18n } from "../../../../_i18n/i18n-provider";
import type { RouterOutputs } from "../../../../_trpc/types";
import { moneyList } from "./labels";

type Summary = RouterOutputs["resource"]["summary"];

/** Daily cost first (what the organization burns each day), monthly under it, then counts by state and flag. */
export function ResourceSummary({ summary }: { summary: Summary }) {
  const { locale, t } = useI18n();
  const money = (amount: string, currency: string) => formatMoney(amount, currency, locale);
  const counts = [
    ["total", summary.total, "text-ink"],
    ["running", summary.running, "text-emerald-700"],
    ["stopped", summary.stopped, "text-ink"],
    ["zombies", summary.zombies, "text-red-700"],
    ["orphans", summary.orphans, "text-amber-700"],
    ["unrecognized", summary.unrecognized, "text-violet-700"],
  ] as const;
  return (
    <section className="card grid gap-6 2xl:grid-cols-[minmax(0,1fr)_minmax(0,2fr)]" data-testid="resource-summary">
      <div>
        <p className="text-sm text-ink-muted">{t("resources.summary.daily")}</p>
        <p className="text-3xl font-semibold tabular-nums" data-testid="summary-daily">{moneyList(summary.costs.map((cost) => ({ currency: cost.currency, amount: cost.dailyCost })), money)}</p>
        <p className="text-sm tabular-nums text-ink-muted" data-testid="summary-monthly">
          {t("resources.summary.monthly", { amount: moneyList(summary.costs.map((cost) => ({ currency: cost.currency, amount: cost.monthlyCost })), money) })}
        </p>
      </div>
      <dl className="grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-6">
        {counts.map(([key, value, tone]) => (
          <div key={key}>
            <dt className="text-sm text-ink-muted">{t(`resources.summary.${key}`)}</dt>
            <dd className={`text-2xl font-semibold tabular-nums ${tone}`} data-testid={`summary-${key}`}>{formatNumber(value, locale)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
