import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { getServerI18n } from "../../../_i18n/server-i18n";
import { serverCaller } from "../../../_trpc/server";

/** The admin area exists only for platform admins; everyone else gets a plain 404. */
export default async function AdminLayout({ children, params }: { children: ReactNode; params: Promise<{ locale: string }> }) {
  const { locale } = await getServerI18n(params);
  const me = await (await serverCaller(locale)).user.me();
  if (!me.isPlatformAdmin) notFound();
  return children;
}
