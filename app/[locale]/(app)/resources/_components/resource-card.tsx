"use client";

import Link from "next/link";
import { formatMoney, formatNumber } from "../../../../_i18n/format";
import { useI18n } from "../../../../_i18n/i18n-provider";
import type { RouterOutputs } from "../../../../_trpc/types";
import { typeLabel } from "./labels";
import { FlagBadges, ResourceStatusBadge } from "./resource-badges";
import { UsageSparkline, type ResourceUsageSparkline } from "./usage-sparkline";

export type ResourceListItem = RouterOutputs["resource"]["list"]["groups"][number]["items"][number];

/**
 * One resource: name, type, status and flags; daily cost large, monthly below it; specs, IPs and attached volumes;
 * the week's CPU and memory load when metrics were collected for it.
 */
export function ResourceCard({ item, usage }: { item: ResourceListItem; usage?: ResourceUsageSparkline }) {
  const { locale, t } = useI18n();
  const specs = item.kind === "resource" ? item.specs : null;
  const project = item.kind === "resource" ? item.projectName ?? item.projectId : item.projectId;
  return (
    <article className="rounded-lg border border-gray-200 bg-white p-4 shadow-sm" data-testid="resource-card" data-name={item.name} data-kind={item.kind}>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <h3 className="truncate text-base font-semibold" data-testid="resource-name">
            {item.kind === "resource" ? (
              <Link className="hover:text-brand-primary hover:underline" href={`/${locale}/resources/${item.id}`} data-testid="resource-link">{item.name}</Link>
            ) : (
              item.name
            )}
          </h3>
          <p className="text-sm text-ink-muted">
            {typeLabel(t, item.resourceType)}
            {item.region ? ` · ${item.region}` : ""}
            {project ? ` · ${project}` : ""}
          </p>
          <div className="mt-2 flex flex-wrap gap-1.5">
            {item.kind === "resource" && <ResourceStatusBadge status={item.status} />}
            <FlagBadges flags={item.flags} />
          </div>
        </div>
        <div className="text-right">
          <p className="text-xl font-semibold tabular-nums" data-testid="resource-daily">{formatMoney(item.dailyCost, item.currency, locale)}</p>
          <p className="text-xs text-ink-muted">{t("resources.card.perDay")}</p>
          <p className="mt-1 text-sm tabular-nums text-ink-muted" data-testid="resource-monthly">{t("resources.card.perMonth", { amount: formatMoney(item.monthlyCost, item.currency, locale) })}</p>
        </div>
      </div>

      {specs && (
        <dl className="mt-3 grid grid-cols-2 gap-x-4 gap-y-2 text-sm md:grid-cols-4">
          {specs.vcpus !== null && <Spec label={t("resources.card.vcpus")} value={formatNumber(specs.vcpus, locale)} />}
          {specs.ramMb !== null && <Spec label={t("resources.card.ram")} value={t("resources.card.gb", { value: formatNumber(specs.ramMb / 1024, locale) })} />}
          {specs.storageGb !== null && <Spec label={t("resources.card.storage")} value={t("resources.card.gb", { value: formatNumber(specs.storageGb, locale) })} />}
          {specs.ipAddresses.length > 0 && <Spec label={t("resources.card.ips")} value={specs.ipAddresses.join(", ")} testId="resource-ips" />}
        </dl>
      )}
      {usage && <UsageSparkline usage={usage} />}
      {specs && specs.attachedVolumes.length > 0 && (
        <div className="mt-3 text-sm">
          <p className="text-ink-muted">{t("resources.card.volumes")}</p>
          <ul className="mt-1 space-y-0.5" data-testid="resource-volumes">
            {specs.attachedVolumes.map((volume) => (
              <li key={volume.id} className="font-mono text-xs">
                {volume.device ?? "—"} · {volume.name ?? volume.id}
                {volume.sizeGb !== null ? ` · ${t("resources.card.gb", { value: formatNumber(volume.sizeGb, locale) })}` : ""}
                {volume.volumeType ? ` · ${volume.volumeType}` : ""}
                {volume.bootable ? ` · ${t("resources.card.bootable")}` : ""}
              </li>
            ))}
          </ul>
        </div>
      )}
    </article>
  );
}

function Spec({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div className="min-w-0">
      <dt className="text-ink-muted">{label}</dt>
      <dd className="break-words font-medium tabular-nums" data-testid={testId}>{value}</dd>
    </div>
  );
}
