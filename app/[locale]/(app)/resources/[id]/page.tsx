import Image from "next/image";
import Link from "next/link";
import { DiffTable } from "../../../../_components/diff-table";
import { formatDateTime, formatMoney } from "../../../../_i18n/format";
import { getServerI18n } from "../../../../_i18n/server-i18n";
import { serverCaller } from "../../../../_trpc/server";
import { loadOrNotFound } from "../../connections/_components/load-or-not-found";
import { CostHistoryChart } from "../_components/cost-history-chart";
import { ResourceCard } from "../_components/resource-card";
import { UsageCharts } from "../_components/usage-charts";

export default async function ResourceDetailPage({ params }: { params: Promise<{ locale: string; id: string }> }) {
  const { locale, t } = await getServerI18n(params);
  const { id } = await params;
  const caller = await serverCaller(locale);
  const [me, resource] = await Promise.all([caller.user.me(), loadOrNotFound(caller.resource.get({ id }))]);
  const { connection, costHistory, costHistoryTotal, changes, ...card } = resource;
  return (
    <div className="space-y-6">
      <Link href={`/${locale}/resources`} className="text-sm text-brand-primary hover:underline">← {t("resources.detail.back")}</Link>
      <div className="flex flex-wrap items-center justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold" data-testid="resource-title">{resource.name}</h1>
          <p className="break-all text-sm text-ink-muted">{t("resources.card.providerId")}: <span className="font-mono">{resource.providerResourceId}</span></p>
        </div>
        <Link href={`/${locale}/connections/${connection.id}`} className="flex items-center gap-3 rounded-md border border-gray-200 bg-white px-3 py-2 text-sm hover:bg-gray-50" data-testid="resource-connection">
          {connection.logo && <Image src={connection.logo} alt="" width={28} height={28} unoptimized className="h-7 w-7 rounded border border-gray-100 bg-white p-0.5" />}
          <span>
            <span className="block text-ink-muted">{t("resources.detail.connection")}</span>
            <span className="font-medium">{connection.name} · {connection.providerName}</span>
          </span>
        </Link>
      </div>

      <ResourceCard item={{ ...card, kind: "resource" }} />
      <dl className="grid grid-cols-2 gap-4 text-sm md:grid-cols-4">
        <div><dt className="text-ink-muted">{t("resources.detail.firstSeen")}</dt><dd className="font-medium">{formatDateTime(resource.firstSeenAt, locale, me.timezone)}</dd></div>
        <div><dt className="text-ink-muted">{t("resources.detail.lastSeen")}</dt><dd className="font-medium">{formatDateTime(resource.lastSeenAt, locale, me.timezone)}</dd></div>
        {resource.specs.flavorName && <div><dt className="text-ink-muted">{t("resources.card.flavor")}</dt><dd className="font-medium">{resource.specs.flavorName}</dd></div>}
        {resource.specs.networkInterfaces.length > 0 && (
          <div><dt className="text-ink-muted">{t("resources.card.ips")}</dt><dd className="font-mono text-xs">{resource.specs.networkInterfaces.map((nic) => `${nic.macAddress ?? "—"}: ${nic.ipAddresses.join(", ")}`).join("; ")}</dd></div>
        )}
      </dl>

      <UsageCharts resourceId={resource.id} timezone={me.timezone} providerName={connection.providerName} />

      <section className="card space-y-3" data-testid="cost-history">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <div>
            <h2 className="text-lg font-semibold">{t("resources.detail.costHistory")}</h2>
            <p className="text-sm text-ink-muted">{t("resources.detail.costHistoryHint")}</p>
          </div>
          {costHistoryTotal.map((total) => <p key={total.currency} className="font-semibold tabular-nums" data-testid="cost-history-total">{formatMoney(total.billedCost, total.currency, locale)}</p>)}
        </div>
        {costHistory.length > 0 ? <CostHistoryChart days={costHistory} /> : <p className="text-sm text-ink-muted" data-testid="cost-history-empty">{t("resources.detail.noCosts")}</p>}
      </section>

      <section className="card space-y-3" data-testid="change-history">
        <h2 className="text-lg font-semibold">{t("resources.detail.changes")}</h2>
        {changes.length === 0 && <p className="text-sm text-ink-muted">{t("resources.detail.noChanges")}</p>}
        <ol className="space-y-3">
          {changes.map((change) => {
            const kinds = (["costChanged", "statusChanged", "configChanged"] as const).filter((kind) => change[kind]).map((kind) => t(`resources.detail.${kind}`));
            return (
              <li key={change.id} className="rounded-md border border-gray-100 p-3" data-testid="change-row" data-change={change.change}>
                <div className="flex flex-wrap items-center justify-between gap-2 text-sm">
                  <span className="font-medium">{t(`resources.detail.change.${change.change}`)}{kinds.length ? ` · ${kinds.join(", ")}` : ""}</span>
                  <Link className="text-ink-muted hover:underline" href={`/${locale}/connections/${connection.id}/runs/${change.syncRunId}`}>{formatDateTime(change.createdAt, locale, me.timezone)}</Link>
                </div>
                <DiffTable diff={change.diff} labels={{ field: t("resources.detail.field"), before: t("resources.detail.before"), after: t("resources.detail.after") }} />
              </li>
            );
          })}
        </ol>
      </section>
    </div>
  );
}
