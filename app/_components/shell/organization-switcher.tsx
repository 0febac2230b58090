"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useI18n } from "../../_i18n/i18n-provider";
import { useTRPC } from "../../_trpc/react";
import type { CurrentUser } from "./app-shell";

export function OrganizationSwitcher({ organizations, activeId }: { organizations: CurrentUser["organizations"]; activeId: string | null }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const switchOrg = useMutation(
    trpc.organization.switch.mutationOptions({
      onSuccess: async () => {
        // Every cached query belongs to the previous organization.
        await queryClient.invalidateQueries();
        router.refresh();
      },
    }),
  );
  return (
    <label className="flex items-center gap-2 text-sm">
      <span className="text-ink-muted">{t("header.organization")}</span>
      <select
        className="input w-auto min-w-48 py-1.5"
        value={activeId ?? ""}
        onChange={(event) => switchOrg.mutate({ organizationId: event.target.value })}
        disabled={switchOrg.isPending}
        data-testid="org-switcher"
      >
        {organizations.map((organization) => (
          <option key={organization.id} value={organization.id}>{organization.name}</option>
        ))}
      </select>
    </label>
  );
}
