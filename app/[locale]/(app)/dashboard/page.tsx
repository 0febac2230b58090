import { Card, Metric, Text } from "@tremor/react";
import { EmptyState } from "../../../_components/empty-state";
import { formatMoney, formatNumber } from "../../../_i18n/format";
import { getServerI18n } from "../../../_i18n/server-i18n";
import { serverCaller } from "../../../_trpc/server";

export default async function DashboardPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale, t } = await getServerI18n(params);
  const caller = await serverCaller(locale);
  const [me, summary] = await Promise.all([caller.user.me(), caller.dashboard.summary()]);
  const kpis = [
    { id: "connections", label: t("dashboard.kpiConnections"), value: formatNumber(summary.connections, locale) },
    { id: "resources", label: t("dashboard.kpiResources"), value: formatNumber(summary.activeResources, locale) },
    { id: "month-to-date", label: t("dashboard.kpiMonthly"), value: formatMoney(summary.monthToDateCost, summary.currency, locale) },
    { id: "members", label: t("dashboard.kpiMembers"), value: formatNumber(summary.members, locale) },
  ];
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{t("dashboard.title")}</h1>
        <p className="text-sm text-ink-muted" data-testid="dashboard-org">{me.activeOrganization?.name}</p>
      </div>
      <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
        {kpis.map((kpi) => (
          <Card key={kpi.id} decoration="top" decorationColor="blue" data-testid={`kpi-${kpi.id}`}>
            <Text>{kpi.label}</Text>
            <Metric>{kpi.value}</Metric>
          </Card>
        ))}
      </div>
      {summary.connections === 0 && (
        <EmptyState
          testId="dashboard-empty"
          title={t("dashboard.emptyTitle")}
          body={t("dashboard.emptyBody")}
          actionLabel={t("dashboard.emptyAction")}
          actionHref={`/${locale}/connections`}
        />
      )}
    </div>
  );
}
