"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useI18n } from "../_i18n/i18n-provider";
import { useTRPC } from "../_trpc/react";

export function CreateOrganizationForm() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [name, setName] = useState("");
  const create = useMutation(
    trpc.organization.create.mutationOptions({
      onSuccess: async () => {
        setName("");
        await queryClient.invalidateQueries();
        router.refresh();
      },
    }),
  );
  return (
    <form
      className="flex flex-wrap items-end gap-3"
      onSubmit={(event) => {
        event.preventDefault();
        create.mutate({ name });
      }}
    >
      <div className="min-w-48 flex-1">
        <label className="label" htmlFor="new-org-name">{t("settings.orgName")}</label>
        <input id="new-org-name" className="input" value={name} onChange={(event) => setName(event.target.value)} required maxLength={120} />
      </div>
      <button className="btn-primary" type="submit" disabled={create.isPending}>{t("settings.create")}</button>
      {create.error && <p className="form-error w-full" role="alert">{create.error.message}</p>}
    </form>
  );
}
