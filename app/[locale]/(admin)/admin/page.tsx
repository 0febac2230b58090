import { notFound, redirect } from "next/navigation";
import { getServerI18n } from "../../../_i18n/server-i18n";
import { serverCaller } from "../../../_trpc/server";
import { visibleAdminSections } from "./_components/admin-sections";

/** The admin home is the first section this admin may use. */
export default async function AdminPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await getServerI18n(params);
  const me = await (await serverCaller(locale)).user.me();
  const first = visibleAdminSections(me.adminPermissions)[0];
  if (!first) notFound();
  redirect(`/${locale}/admin/${first.segment}`);
}
