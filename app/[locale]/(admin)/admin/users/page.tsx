import { notFound } from "next/navigation";
import { getServerI18n } from "../../../../_i18n/server-i18n";
import { serverCaller } from "../../../../_trpc/server";
import { UsersAdmin } from "./users-admin";

export default async function AdminUsersPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await getServerI18n(params);
  const me = await (await serverCaller(locale)).user.me();
  const canManage = me.adminPermissions.includes("manage_users");
  const canImpersonate = me.adminPermissions.includes("impersonate_users");
  if (!canManage && !canImpersonate) notFound();
  return <UsersAdmin meId={me.id} isSuperAdmin={me.platformRole === "super_admin"} canManage={canManage} canImpersonate={canImpersonate} timezone={me.timezone} />;
}
