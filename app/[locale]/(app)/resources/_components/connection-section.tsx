"use client";

import { useQuery } from "@tanstack/react-query";
import Image from "next/image";
import { useState } from "react";
import { formatDateTime, formatMoney, formatNumber } from "../../../../_i18n/format";
import { useI18n } from "../../../../_i18n/i18n-provider";
import { useTRPC } from "../../../../_trpc/react";
import type { RouterInputs, RouterOutputs } from "../../../../_trpc/types";
import { moneyList } from "./labels";
import { ResourceCard, type ResourceListItem } from "./resource-card";

type ResourceGroup = RouterOutputs["resource"]["list"]["groups"][number];
export type ResourceFilterInput = Omit<RouterInputs["resource"]["list"], "page" | "pageSize" | "connectionId">;

/** One connection's resources, collapsible; later pages load for this group alone ("Show more"). */
export function ConnectionSection({ group, filters, pageSize, timezone }: { group: ResourceGroup; filters: ResourceFilterInput; pageSize: number; timezone: string }) {
  const { locale, t } = useI18n();
  const [pages, setPages] = useState(1);
  const { connection } = group;
  const money = (amount: string, currency: string) => formatMoney(amount, currency, locale);
  return (
    <details open className="card group/section space-y-4 p-0" data-testid="resource-section" data-name={connection.name}>
      <summary className="flex cursor-pointer list-none flex-wrap items-center justify-between gap-4 p-6" data-testid="resource-section-header">
        <div className="flex min-w-0 items-center gap-3">
          <span aria-hidden className="text-ink-muted transition group-open/section:rotate-90">▶</span>
          {connection.logo && <Image src={connection.logo} alt="" width={40} height={40} unoptimized className="h-10 w-10 shrink-0 rounded-md border border-gray-100 bg-white p-1" />}
          <div className="min-w-0">
            <h2 className="truncate text-lg font-semibold" data-testid="resource-section-name">{connection.name}</h2>
            <p className="truncate text-sm text-ink-muted" data-testid="resource-section-meta">
              {connection.providerName} · {t("resources.group.lastSync", { time: connection.lastSyncAt ? formatDateTime(connection.lastSyncAt, locale, timezone) : t("resources.group.never") })}
            </p>
          </div>
        </div>
        <div className="text-right">
          <p className="text-lg font-semibold tabular-nums" data-testid="resource-section-daily">
            {t("resources.group.perDay", { amount: moneyList(group.costs.map((cost) => ({ currency: cost.currency, amount: cost.dailyCost })), money) })}
          </p>
          <p className="text-sm text-ink-muted" data-testid="resource-section-count">{t("resources.group.count", { count: formatNumber(group.total, locale) })}</p>
        </div>
      </summary>
      <div className="space-y-3 px-6 pb-6" data-testid="resource-list">
        {group.items.map((item) => <ResourceCard key={item.id} item={item} usage={group.usage[item.id]} />)}
        {Array.from({ length: pages - 1 }, (_, index) => (
          <MorePage key={index + 2} connectionId={connection.id} filters={filters} page={index + 2} pageSize={pageSize} />
        ))}
        {pages * pageSize < group.total && (
          <div className="flex items-center justify-between gap-4 text-sm text-ink-muted">
            <span>{t("resources.pageOf", { shown: formatNumber(Math.min(pages * pageSize, group.total), locale), total: formatNumber(group.total, locale) })}</span>
            <button type="button" className="btn-secondary" onClick={() => setPages((count) => count + 1)} data-testid="resource-more">{t("resources.more")}</button>
          </div>
        )}
      </div>
    </details>
  );
}

function MorePage({ connectionId, filters, page, pageSize }: { connectionId: string; filters: ResourceFilterInput; page: number; pageSize: number }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const result = useQuery(trpc.resource.list.queryOptions({ ...filters, connectionId, page, pageSize }));
  if (result.error) return <p className="form-error" role="alert">{result.error.message}</p>;
  if (!result.data) return <p className="text-sm text-ink-muted">{t("common.loading")}</p>;
  const items: ResourceListItem[] = result.data.groups[0]?.items ?? [];
  const usage = result.data.groups[0]?.usage ?? {};
  return <>{items.map((item) => <ResourceCard key={item.id} item={item} usage={usage[item.id]} />)}</>;
}
