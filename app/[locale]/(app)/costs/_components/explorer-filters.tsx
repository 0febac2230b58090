"use client";

import { useState, type FormEvent } from "react";
import type { CostExplorerInput, CostExplorerOptions, CostFilters } from "@/server/services/costs/cost-query-contract";
import { useI18n } from "../../../../_i18n/i18n-provider";
import { typeLabel } from "../../resources/_components/labels";
import type { ListFilter } from "./explorer-params";
import { MultiPick } from "./multi-pick";

const EMPTY: CostFilters = { connectionIds: [], providerIds: [], services: [], regions: [], projects: [], resourceTypes: [], tags: [] };

/** Narrow the report: one multi-select per dimension the organization actually has, and tag key = value pairs. */
export function ExplorerFilters({ input, onChange, options }: { input: CostExplorerInput; onChange: (changes: Partial<CostExplorerInput>) => void; options: CostExplorerOptions }) {
  const { t } = useI18n();
  const [tagKey, setTagKey] = useState(options.tagKeys[0] ?? "");
  const [tagValue, setTagValue] = useState("");
  const { filters } = input;
  const setList = (filter: ListFilter, values: string[]) => onChange({ filters: { ...filters, [filter]: values } });
  const addTag = (event: FormEvent) => {
    event.preventDefault();
    if (!tagKey || filters.tags.some((tag) => tag.key === tagKey && tag.value === tagValue.trim())) return;
    onChange({ filters: { ...filters, tags: [...filters.tags, { key: tagKey, value: tagValue.trim() }] } });
    setTagValue("");
  };
  const pickers: { filter: ListFilter; label: string; options: { value: string; label: string }[] }[] = [
    { filter: "connectionIds", label: t("costs.dimensions.connection"), options: options.connections.map((item) => ({ value: item.id, label: item.name })) },
    { filter: "providerIds", label: t("costs.dimensions.provider"), options: options.providers.map((item) => ({ value: item.id, label: item.name })) },
    { filter: "services", label: t("costs.dimensions.service"), options: options.services.map((item) => ({ value: item, label: item })) },
    { filter: "regions", label: t("costs.dimensions.region"), options: options.regions.map((item) => ({ value: item, label: item })) },
    { filter: "projects", label: t("costs.dimensions.project"), options: options.projects.map((item) => ({ value: item.id, label: item.name })) },
    { filter: "resourceTypes", label: t("costs.dimensions.resourceType"), options: options.resourceTypes.map((item) => ({ value: item, label: typeLabel(t, item) })) },
  ];
  const active = Object.values(filters).some((values) => values.length > 0);
  return (
    <section className="card space-y-3 p-4" aria-label={t("costs.filters.title")} data-testid="explorer-filters">
      <div className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-6">
        {pickers.map((picker) => (
          <MultiPick key={picker.filter} label={picker.label} options={picker.options} selected={filters[picker.filter]} onChange={(values) => setList(picker.filter, values)} testId={`filter-${picker.filter}`} />
        ))}
      </div>
      <div className="flex flex-wrap items-end gap-3">
        {options.tagKeys.length > 0 && (
          <form className="flex flex-wrap items-end gap-2" onSubmit={addTag} data-testid="tag-filter-form">
            <label>
              <span className="label">{t("costs.filters.tags")}</span>
              <select className="input py-1.5" value={tagKey} onChange={(event) => setTagKey(event.target.value)} data-testid="tag-filter-key">
                {options.tagKeys.map((key) => <option key={key} value={key}>{key}</option>)}
              </select>
            </label>
            <label>
              <span className="label">{t("costs.filters.tagValue")}</span>
              <input className="input py-1.5" value={tagValue} onChange={(event) => setTagValue(event.target.value)} data-testid="tag-filter-value" />
            </label>
            <button type="submit" className="btn-secondary py-1.5" data-testid="tag-filter-add">{t("costs.filters.addTag")}</button>
          </form>
        )}
        {filters.tags.map((tag) => {
          const text = `${tag.key} = ${tag.value}`;
          return (
            <span key={`${tag.key}=${tag.value}`} className="inline-flex items-center gap-1 rounded-full bg-blue-50 px-3 py-1 text-sm text-blue-900 ring-1 ring-inset ring-blue-200" data-testid="tag-chip">
              {text}
              <button type="button" className="ml-1 text-blue-700 hover:text-blue-950" aria-label={t("costs.filters.removeTag", { tag: text })} onClick={() => onChange({ filters: { ...filters, tags: filters.tags.filter((item) => item !== tag) } })}>×</button>
            </span>
          );
        })}
        {active && <button type="button" className="btn-secondary ml-auto py-1.5" onClick={() => onChange({ filters: EMPTY })} data-testid="explorer-reset">{t("costs.filters.reset")}</button>}
      </div>
    </section>
  );
}
