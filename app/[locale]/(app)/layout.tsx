import { TRPCError } from "@trpc/server";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { AppShell } from "../../_components/shell/app-shell";
import { ImpersonationBanner } from "../../_components/shell/impersonation-banner";
import { NoOrganization } from "../../_components/shell/no-organization";
import { getServerI18n } from "../../_i18n/server-i18n";
import { serverCaller } from "../../_trpc/server";

export const dynamic = "force-dynamic";

export default async function AppLayout({ children, params }: { children: ReactNode; params: Promise<{ locale: string }> }) {
  const { locale } = await getServerI18n(params);
  const caller = await serverCaller(locale);
  const me = await caller.user.me().catch((error: unknown) => {
    if (error instanceof TRPCError && error.code === "UNAUTHORIZED") redirect(`/${locale}/login`);
    throw error;
  });
  if (!me.activeOrganization) {
    return (
      <>
        <ImpersonationBanner me={me} />
        <NoOrganization email={me.email} isPlatformAdmin={me.isPlatformAdmin} />
      </>
    );
  }
  return <AppShell me={me}>{children}</AppShell>;
}
