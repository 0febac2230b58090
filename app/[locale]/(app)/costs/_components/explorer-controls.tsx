"use client";

import { COST_DIMENSIONS, GRANULARITIES, type CostExplorerInput, type CostExplorerOptions, type ResolvedPeriod } from "@/server/services/costs/cost-query-contract";
import { DateRangeControl } from "../../../../_components/date-range/date-range-control";
import { formatDay } from "../../../../_i18n/format";
import { useI18n } from "../../../../_i18n/i18n-provider";

/** Period, dimension and granularity: what the report is about, above which filters narrow it. */
export function ExplorerControls({ input, onChange, options, period }: {
  input: CostExplorerInput;
  onChange: (changes: Partial<CostExplorerInput>) => void;
  options: CostExplorerOptions;
  period: ResolvedPeriod | null;
}) {
  const { locale, t } = useI18n();
  const segment = (active: boolean) =>
    `px-3 py-1.5 text-sm font-medium transition first:rounded-l-md last:rounded-r-md ${active ? "bg-brand-primary text-white" : "bg-white text-ink hover:bg-gray-50"}`;
  return (
    <section className="card flex flex-wrap items-end gap-x-6 gap-y-4 p-4" data-testid="explorer-controls">
      <div className="space-y-2">
        <DateRangeControl key={JSON.stringify(input.range)} value={input.range} onChange={(range) => onChange({ range })} defaultCustom={{ from: period?.from ?? "", to: period?.to ?? "" }} />
        {period && (
          <p className="text-sm text-ink-muted" data-testid="explorer-period" data-from={period.from} data-to={period.to}>
            {t("dashboard.period", { from: formatDay(period.from, locale), to: formatDay(period.to, locale), days: period.days })}
          </p>
        )}
      </div>
      <label>
        <span className="label">{t("costs.groupBy")}</span>
        <select className="input py-1.5" value={input.groupBy} onChange={(event) => onChange({ groupBy: event.target.value as CostExplorerInput["groupBy"], tagKey: event.target.value === "tag" ? input.tagKey ?? options.tagKeys[0] : undefined })} data-testid="explorer-group-by">
          {COST_DIMENSIONS.map((dimension) => <option key={dimension} value={dimension}>{t(`costs.dimensions.${dimension}`)}</option>)}
        </select>
      </label>
      {input.groupBy === "tag" && (
        <label>
          <span className="label">{t("costs.tagKey")}</span>
          <select className="input py-1.5" value={input.tagKey ?? ""} onChange={(event) => onChange({ tagKey: event.target.value || undefined })} data-testid="explorer-tag-key">
            <option value="">{t("costs.tagKeyPlaceholder")}</option>
            {options.tagKeys.map((key) => <option key={key} value={key}>{key}</option>)}
          </select>
        </label>
      )}
      <div>
        <span className="label" id="granularity-label">{t("costs.granularity")}</span>
        <div role="radiogroup" aria-labelledby="granularity-label" className="inline-flex divide-x divide-gray-300 rounded-md border border-gray-300 shadow-sm">
          {GRANULARITIES.map((granularity) => (
            <button key={granularity} type="button" role="radio" aria-checked={input.granularity === granularity} className={segment(input.granularity === granularity)} onClick={() => onChange({ granularity })} data-testid={`granularity-${granularity}`}>
              {t(`costs.granularities.${granularity}`)}
            </button>
          ))}
        </div>
      </div>
    </section>
  );
}
