"use client";

import { useMutation } from "@tanstack/react-query";
import { formatDateTime } from "../../_i18n/format";
import { useI18n } from "../../_i18n/i18n-provider";
import { useTRPC } from "../../_trpc/react";
import { updateSession } from "../update-session";
import type { CurrentUser } from "./app-shell";

/** Shown on every page while an admin acts as someone, so it is never forgotten; "stop" returns to the admin area. */
export function ImpersonationBanner({ me }: { me: CurrentUser }) {
  const { locale, t } = useI18n();
  const trpc = useTRPC();
  const stop = useMutation(
    trpc.impersonation.stop.mutationOptions({
      onSuccess: async () => {
        await updateSession({ impersonationId: null });
        // eslint-disable-next-line @next/next/no-location-assign-relative-destination -- a full load on purpose: the shared layout and every cached query belong to the previous identity
        window.location.assign(`/${locale}/admin/users`);
      },
    }),
  );
  if (!me.impersonation) return null;
  return (
    <div role="alert" className="flex flex-wrap items-center justify-center gap-3 bg-amber-500 px-4 py-2 text-sm font-medium text-gray-900" data-testid="impersonation-banner">
      <span>
        {t("impersonation.banner", { name: me.name ? `${me.name} (${me.email})` : me.email })} ·{" "}
        {t("impersonation.until", { time: formatDateTime(me.impersonation.expiresAt, locale, me.timezone) })}
      </span>
      <button type="button" className="rounded bg-gray-900 px-3 py-1 text-white hover:bg-gray-700" onClick={() => stop.mutate()} disabled={stop.isPending} data-testid="stop-impersonation">
        {t("impersonation.stop")}
      </button>
    </div>
  );
}
