import { notFound } from "next/navigation";
import { getServerI18n } from "../../../../_i18n/server-i18n";
import { serverCaller } from "../../../../_trpc/server";
import { UsersAdmin } from "./users-admin";

export default async function AdminUsersPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await getServerI18n(params);
  const me = await (await serverCaller(locale)).user.me();
  if (!me.adminPermissions.includes("manage_users")) notFound();
  return <UsersAdmin meId={me.id} isSuperAdmin={me.platformRole === "super_admin"} canImpersonate={me.adminPermissions.includes("impersonate_users")} timezone={me.timezone} />;
}
