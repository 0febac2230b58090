import { notFound } from "next/navigation";
import { getServerI18n } from "../../../../_i18n/server-i18n";
import { serverCaller } from "../../../../_trpc/server";
import { SystemStatusView } from "./system-status-view";

export default async function AdminSystemPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await getServerI18n(params);
  const me = await (await serverCaller(locale)).user.me();
  if (!me.adminPermissions.includes("view_all_data")) notFound();
  return <SystemStatusView timezone={me.timezone} />;
}
