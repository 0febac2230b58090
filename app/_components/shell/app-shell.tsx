import type { ReactNode } from "react";
import type { RouterOutputs } from "../../_trpc/types";
import { Header } from "./header";
import { ImpersonationBanner } from "./impersonation-banner";
import { Sidebar } from "./sidebar";

export type CurrentUser = RouterOutputs["user"]["me"];

export function AppShell({ me, children }: { me: CurrentUser; children: ReactNode }) {
  return (
    <div className="flex min-h-screen">
      <Sidebar isPlatformAdmin={me.isPlatformAdmin} />
      <div className="flex min-w-0 flex-1 flex-col">
        <ImpersonationBanner me={me} />
        <Header me={me} />
        <main className="flex-1 p-6 lg:p-8">{children}</main>
      </div>
    </div>
  );
}
