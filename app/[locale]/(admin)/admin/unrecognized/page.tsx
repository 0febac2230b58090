import { notFound } from "next/navigation";
import { getServerI18n } from "../../../../_i18n/server-i18n";
import { serverCaller } from "../../../../_trpc/server";
import { UnrecognizedAdmin } from "./unrecognized-admin";

export default async function AdminUnrecognizedPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await getServerI18n(params);
  const me = await (await serverCaller(locale)).user.me();
  if (!me.adminPermissions.includes("manage_resources")) notFound();
  return <UnrecognizedAdmin timezone={me.timezone} />;
}
