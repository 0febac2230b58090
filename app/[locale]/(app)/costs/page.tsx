import { Suspense } from "react";
import { readerOf } from "../../../_components/date-range/range-params";
import { EmptyState } from "../../../_components/empty-state";
import { getServerI18n } from "../../../_i18n/server-i18n";
import { serverCaller } from "../../../_trpc/server";
import { CostExplorer } from "./_components/cost-explorer";
import { explorerInputFromParams } from "./_components/explorer-params";

type SearchParams = Record<string, string | string[] | undefined>;

export default async function CostsPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<SearchParams> }) {
  const { locale, t } = await getServerI18n(params);
  const query = await searchParams;
  const read = readerOf(query);
  const input = explorerInputFromParams(read, (key) => {
    const value = query[key];
    return value === undefined ? [] : Array.isArray(value) ? value : [value];
  });
  const caller = await serverCaller(locale);
  const options = await caller.costExplorer.options();
  // A bad range or tag key in a shared link must not break the page: the client asks again and shows why.
  const result = options.connections.length > 0 ? await caller.costExplorer.query(input).catch(() => null) : null;
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{t("costs.title")}</h1>
        <p className="text-sm text-ink-muted">{t("costs.subtitle")}</p>
      </div>
      {options.connections.length === 0 ? (
        <EmptyState testId="costs-empty" title={t("costs.emptyTitle")} body={t("costs.emptyBody")} actionLabel={t("costs.emptyAction")} actionHref={`/${locale}/connections`} />
      ) : (
        <Suspense>
          <CostExplorer initialInput={input} initialResult={result} options={options} />
        </Suspense>
      )}
    </div>
  );
}
