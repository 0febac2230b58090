import { orgRoleCan } from "@/server/auth/org-permissions";
import { getServerI18n } from "../../../_i18n/server-i18n";
import { serverCaller } from "../../../_trpc/server";
import { ConnectionsBoard } from "./_components/connections-board";

export default async function ConnectionsPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale, t } = await getServerI18n(params);
  const caller = await serverCaller(locale);
  const [me, organization, providers, connections] = await Promise.all([caller.user.me(), caller.organization.current(), caller.connection.providers(), caller.connection.list()]);
  const canManageConnections = orgRoleCan(organization.role, "manage_connections");
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{t("connections.title")}</h1>
        <p className="text-sm text-ink-muted">{t("connections.subtitle")}</p>
      </div>
      {organization.isDemo && <p className="rounded-md border border-blue-200 bg-blue-50 px-3 py-2 text-sm text-blue-900" data-testid="demo-notice">{t("connections.demoNotice")}</p>}
      <ConnectionsBoard
        initialConnections={connections}
        providers={providers}
        timezone={me.timezone}
        canManage={canManageConnections && !organization.isDemo}
        canSync={canManageConnections}
      />
    </div>
  );
}
