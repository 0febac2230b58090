import Image from "next/image";
import Link from "next/link";
import { orgRoleCan } from "@/server/auth/org-permissions";
import { getServerI18n } from "../../../../_i18n/server-i18n";
import { serverCaller } from "../../../../_trpc/server";
import { loadOrNotFound } from "../_components/load-or-not-found";
import { RunsTable } from "../_components/runs-table";
import { ConnectionStatusBadge } from "../_components/status-badge";
import { SyncNowControl } from "../_components/sync-now-control";

export default async function ConnectionHistoryPage({ params }: { params: Promise<{ locale: string; id: string }> }) {
  const { locale, t } = await getServerI18n(params);
  const { id } = await params;
  const caller = await serverCaller(locale);
  const [me, organization, connection, runs] = await Promise.all([
    caller.user.me(),
    caller.organization.current(),
    loadOrNotFound(caller.connection.get({ id })),
    loadOrNotFound(caller.syncRun.list({ connectionId: id, page: 1, pageSize: 20 })),
  ]);
  const latest = runs.items[0] ?? null;
  return (
    <div className="space-y-6">
      <Link href={`/${locale}/connections`} className="text-sm text-brand-primary hover:underline">← {t("sync.back")}</Link>
      <div className="flex flex-wrap items-center justify-between gap-4">
        <div className="flex items-center gap-3">
          {connection.logo && <Image src={connection.logo} alt="" width={40} height={40} unoptimized className="h-10 w-10 rounded-md border border-gray-100 bg-white p-1" />}
          <div>
            <h1 className="text-2xl font-semibold" data-testid="history-title">{connection.name}</h1>
            <p className="text-sm text-ink-muted">{connection.providerName}{connection.accountName ? ` · ${connection.accountName}` : ""} · {t("sync.historyTitle")}</p>
          </div>
        </div>
        <ConnectionStatusBadge status={connection.status} />
      </div>
      <SyncNowControl connectionId={connection.id} latestRun={latest} canSync={orgRoleCan(organization.role, "manage_connections")} />
      <RunsTable connectionId={connection.id} initialPage={runs} timezone={me.timezone} />
    </div>
  );
}
