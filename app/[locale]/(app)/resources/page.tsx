import { Suspense } from "react";
import { EmptyState } from "../../../_components/empty-state";
import { getServerI18n } from "../../../_i18n/server-i18n";
import { serverCaller } from "../../../_trpc/server";
import { ConnectionSection, type ResourceFilterInput } from "./_components/connection-section";
import { ResourceFilters } from "./_components/resource-filters";
import { ResourceSummary } from "./_components/resource-summary";

const PAGE_SIZE = 20;
const FLAGS = ["zombie", "orphan", "unrecognized"] as const;

type SearchParams = Record<string, string | string[] | undefined>;

function first(value: string | string[] | undefined): string | undefined {
  const single = Array.isArray(value) ? value[0] : value;
  const trimmed = single?.trim().slice(0, 200);
  return trimmed ? trimmed : undefined;
}

/** The URL query as list filters; unknown flags are ignored rather than failing the page. */
function filtersOf(query: SearchParams): ResourceFilterInput {
  const flag = first(query.flag);
  return {
    provider: first(query.provider),
    type: first(query.type),
    status: first(query.status),
    region: first(query.region),
    project: first(query.project),
    flag: FLAGS.find((candidate) => candidate === flag),
    search: first(query.search),
  };
}

export default async function ResourcesPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<SearchParams> }) {
  const { locale, t } = await getServerI18n(params);
  const filters = filtersOf(await searchParams);
  const caller = await serverCaller(locale);
  const [me, summary, list, providers] = await Promise.all([caller.user.me(), caller.resource.summary(), caller.resource.list({ ...filters, page: 1, pageSize: PAGE_SIZE }), caller.connection.providers()]);
  const providerNames = Object.fromEntries(providers.map((provider) => [provider.id, provider.displayName]));
  const filtered = Object.values(filters).some(Boolean);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{t("resources.title")}</h1>
        <p className="text-sm text-ink-muted">{t("resources.subtitle")}</p>
      </div>
      {list.connectionCount === 0 ? (
        <EmptyState title={t("resources.emptyTitle")} body={t("resources.emptyBody")} actionLabel={t("resources.emptyAction")} actionHref={`/${locale}/connections`} testId="resources-empty" />
      ) : (
        <>
          <ResourceSummary summary={summary} />
          <Suspense>
            <ResourceFilters facets={list.facets} providerNames={providerNames} />
          </Suspense>
          {list.groups.length === 0 ? (
            filtered ? (
              <EmptyState title={t("resources.noMatchesTitle")} body={t("resources.noMatchesBody")} testId="resources-no-matches" />
            ) : (
              <EmptyState title={t("resources.emptyTitle")} body={t("resources.emptyBody")} actionLabel={t("resources.emptyAction")} actionHref={`/${locale}/connections`} testId="resources-empty" />
            )
          ) : (
            <div className="space-y-6" data-testid="resource-sections">
              {list.groups.map((group) => (
                <ConnectionSection key={`${group.connection.id}:${JSON.stringify(filters)}`} group={group} filters={filters} pageSize={PAGE_SIZE} timezone={me.timezone} />
              ))}
            </div>
          )}
        </>
      )}
    </div>
  );
}
