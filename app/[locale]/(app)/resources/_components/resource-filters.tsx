"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useI18n } from "../../../../_i18n/i18n-provider";
import type { RouterOutputs } from "../../../../_trpc/types";
import { statusLabel, typeLabel } from "./labels";

type Facets = RouterOutputs["resource"]["list"]["facets"];

export const FILTER_KEYS = ["provider", "type", "status", "region", "project", "flag", "search"] as const;

/** Filters and search live in the URL query, so a filtered view can be shared and survives a reload. */
export function ResourceFilters({ facets, providerNames }: { facets: Facets; providerNames: Record<string, string> }) {
  const { t } = useI18n();
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const [search, setSearch] = useState(params.get("search") ?? "");

  const navigate = (changes: Record<string, string>) => {
    const next = new URLSearchParams(params.toString());
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    const query = next.toString();
    router.push(query ? `${pathname}?${query}` : pathname);
  };
  const onSearch = (event: FormEvent) => {
    event.preventDefault();
    navigate({ search: search.trim() });
  };
  const select = (key: (typeof FILTER_KEYS)[number], label: string, options: { value: string; label: string }[]) => (
    <label className="min-w-0">
      <span className="label">{label}</span>
      <select className="input" value={params.get(key) ?? ""} onChange={(event) => navigate({ [key]: event.target.value })} data-testid={`filter-${key}`}>
        <option value="">{t("resources.filters.any")}</option>
        {options.map((option) => <option key={option.value} value={option.value}>{option.label}</option>)}
      </select>
    </label>
  );
  const active = FILTER_KEYS.some((key) => params.get(key));

  return (
    <section className="card space-y-4" aria-label={t("resources.filters.title")} data-testid="resource-filters">
      <form className="flex flex-wrap items-end gap-3" onSubmit={onSearch} role="search">
        <label className="min-w-[16rem] flex-1">
          <span className="label">{t("resources.filters.search")}</span>
          <input className="input" type="search" value={search} onChange={(event) => setSearch(event.target.value)} placeholder={t("resources.filters.searchPlaceholder")} data-testid="filter-search" />
        </label>
        <button type="submit" className="btn-primary" data-testid="filter-apply">{t("resources.filters.apply")}</button>
        {active && (
          <button type="button" className="btn-secondary" onClick={() => { setSearch(""); router.push(pathname); }} data-testid="filter-reset">
            {t("resources.filters.reset")}
          </button>
        )}
      </form>
      <div className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-6">
        {select("provider", t("resources.filters.provider"), facets.providers.map((value) => ({ value, label: providerNames[value] ?? value })))}
        {select("type", t("resources.filters.type"), facets.types.map((value) => ({ value, label: typeLabel(t, value) })))}
        {select("status", t("resources.filters.status"), facets.statuses.map((value) => ({ value, label: statusLabel(t, value) })))}
        {select("region", t("resources.filters.region"), facets.regions.map((value) => ({ value, label: value })))}
        {select("project", t("resources.filters.project"), facets.projects.map((project) => ({ value: project.id, label: project.name })))}
        {select("flag", t("resources.filters.flag"), (["zombie", "orphan", "unrecognized"] as const).map((value) => ({ value, label: t(`resources.flags.${value}`) })))}
      </div>
    </section>
  );
}
