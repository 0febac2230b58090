import { redirect } from "next/navigation";
import { getServerI18n } from "../../../_i18n/server-i18n";
import { serverCaller } from "../../../_trpc/server";

/** The admin home is the first section this admin may use. */
export default async function AdminPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await getServerI18n(params);
  const me = await (await serverCaller(locale)).user.me();
  redirect(`/${locale}/admin/${me.adminPermissions.includes("view_all_data") && !me.adminPermissions.some((permission) => permission === "manage_users" || permission === "impersonate_users") ? "audit" : "users"}`);
}
