import { Suspense } from "react";
import { rangeFromParams, readerOf } from "../../../_components/date-range/range-params";
import { EmptyState } from "../../../_components/empty-state";
import { getServerI18n } from "../../../_i18n/server-i18n";
import { serverCaller } from "../../../_trpc/server";
import { DashboardView } from "./_components/dashboard-view";

type SearchParams = Record<string, string | string[] | undefined>;

export default async function DashboardPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<SearchParams> }) {
  const { locale, t } = await getServerI18n(params);
  const range = rangeFromParams(readerOf(await searchParams));
  const caller = await serverCaller(locale);
  const [me, summary] = await Promise.all([caller.user.me(), caller.dashboard.summary()]);
  // A bad custom range in the URL must not break the page: the client asks again and shows the server's message.
  const overview = summary.connections > 0 ? await caller.dashboard.overview({ range }).catch(() => null) : null;
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{t("dashboard.title")}</h1>
        <p className="text-sm text-ink-muted" data-testid="dashboard-org">{me.activeOrganization?.name}</p>
      </div>
      {summary.connections === 0 ? (
        <EmptyState
          testId="dashboard-empty"
          title={t("dashboard.emptyTitle")}
          body={t("dashboard.emptyBody")}
          actionLabel={t("dashboard.emptyAction")}
          actionHref={`/${locale}/connections`}
        />
      ) : (
        <Suspense>
          <DashboardView initialRange={range} initialOverview={overview} timezone={me.timezone} />
        </Suspense>
      )}
    </div>
  );
}
