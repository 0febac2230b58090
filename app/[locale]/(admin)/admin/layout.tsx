import { TRPCError } from "@trpc/server";
import { notFound, redirect } from "next/navigation";
import type { ReactNode } from "react";
import { AppShell } from "../../../_components/shell/app-shell";
import { getServerI18n } from "../../../_i18n/server-i18n";
import { serverCaller } from "../../../_trpc/server";
import { AdminTabs } from "./_components/admin-tabs";

export const dynamic = "force-dynamic";

/**
 * The admin area, outside the (app) group because a platform admin need not belong to any organization.
 * It exists only for platform admins, and never while acting as someone: everyone else gets a plain 404.
 */
export default async function AdminLayout({ children, params }: { children: ReactNode; params: Promise<{ locale: string }> }) {
  const { locale, t } = await getServerI18n(params);
  const me = await (await serverCaller(locale)).user.me().catch((error: unknown) => {
    if (error instanceof TRPCError && error.code === "UNAUTHORIZED") redirect(`/${locale}/login`);
    throw error;
  });
  if (!me.isPlatformAdmin) notFound();
  return (
    <AppShell me={me}>
      <div className="space-y-6">
        <h1 className="text-2xl font-semibold">{t("admin.title")}</h1>
        <AdminTabs permissions={me.adminPermissions} />
        {children}
      </div>
    </AppShell>
  );
}
