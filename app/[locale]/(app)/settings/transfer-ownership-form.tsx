"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useI18n } from "../../../_i18n/i18n-provider";
import { useTRPC } from "../../../_trpc/react";

/** Owners only: hand the organization to another member (they become owner, the current owner an admin). */
export function TransferOwnershipForm({ currentUserId }: { currentUserId: string }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const router = useRouter();
  const members = useQuery(trpc.organization.members.queryOptions());
  const candidates = members.data?.filter((member) => member.user.id !== currentUserId) ?? [];
  const [membershipId, setMembershipId] = useState("");
  const [confirming, setConfirming] = useState(false);
  const transfer = useMutation(trpc.organization.transferOwnership.mutationOptions({ onSuccess: () => router.refresh() }));
  const chosen = candidates.find((member) => member.id === membershipId);
  if (candidates.length === 0) return null;

  return (
    <div className="space-y-3 border-t border-gray-100 pt-4" data-testid="transfer-ownership">
      <h3 className="font-semibold">{t("settings.transferOwnership")}</h3>
      <p className="text-sm text-ink-muted">{t("settings.transferHint")}</p>
      <div className="flex flex-wrap items-end gap-3">
        <label className="min-w-56 flex-1">
          <span className="label">{t("settings.transferTo")}</span>
          <select className="input" value={membershipId} onChange={(event) => { setMembershipId(event.target.value); setConfirming(false); }}>
            <option value="">—</option>
            {candidates.map((member) => <option key={member.id} value={member.id}>{member.user.name ?? member.user.email} ({member.user.email})</option>)}
          </select>
        </label>
        <button className="btn-secondary" type="button" disabled={!chosen} onClick={() => setConfirming(true)}>{t("settings.transfer")}</button>
      </div>
      {chosen && confirming && (
        <div className="space-y-2 rounded-md border border-amber-200 bg-amber-50 p-3 text-sm" role="alertdialog">
          <p>{t("settings.transferConfirm", { name: chosen.user.name ?? chosen.user.email })}</p>
          <div className="flex gap-2">
            <button className="btn-danger" type="button" onClick={() => transfer.mutate({ membershipId: chosen.id })} disabled={transfer.isPending}>{t("common.confirm")}</button>
            <button className="btn-secondary" type="button" onClick={() => setConfirming(false)}>{t("common.cancel")}</button>
          </div>
        </div>
      )}
      {transfer.isSuccess && <p className="form-success" role="status">{t("settings.transferred")}</p>}
      {transfer.error && <p className="form-error" role="alert">{transfer.error.message}</p>}
    </div>
  );
}
