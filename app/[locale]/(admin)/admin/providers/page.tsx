import { notFound } from "next/navigation";
import { getServerI18n } from "../../../../_i18n/server-i18n";
import { serverCaller } from "../../../../_trpc/server";
import { ProviderCatalogAdmin } from "./provider-catalog-admin";

export default async function AdminProvidersPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await getServerI18n(params);
  const me = await (await serverCaller(locale)).user.me();
  if (!me.adminPermissions.includes("manage_providers")) notFound();
  return <ProviderCatalogAdmin />;
}
