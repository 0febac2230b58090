"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useI18n } from "../../../_i18n/i18n-provider";
import { useTRPC } from "../../../_trpc/react";

export function OrganizationNameForm({ name, canEdit }: { name: string; canEdit: boolean }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const router = useRouter();
  const [value, setValue] = useState(name);
  const rename = useMutation(trpc.organization.rename.mutationOptions({ onSuccess: () => router.refresh() }));
  return (
    <form
      className="flex flex-wrap items-end gap-3"
      onSubmit={(event) => {
        event.preventDefault();
        rename.mutate({ name: value });
      }}
    >
      <div className="min-w-64 flex-1">
        <label className="label" htmlFor="org-name">{t("settings.orgName")}</label>
        <input id="org-name" className="input" value={value} onChange={(event) => setValue(event.target.value)} disabled={!canEdit} required maxLength={120} />
      </div>
      {canEdit && <button className="btn-secondary" type="submit" disabled={rename.isPending}>{t("settings.save")}</button>}
      {rename.isSuccess && <span className="text-sm text-emerald-700" role="status">{t("settings.saved")}</span>}
      {rename.error && <p className="form-error w-full" role="alert">{rename.error.message}</p>}
    </form>
  );
}
