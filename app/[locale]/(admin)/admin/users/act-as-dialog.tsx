"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { Modal } from "../../../../_components/modal";
import { updateSession } from "../../../../_components/update-session";
import { useI18n } from "../../../../_i18n/i18n-provider";
import { useTRPC } from "../../../../_trpc/react";
import type { AdminUserRow } from "./users-admin";

/** "Act as": a required reason, then the session points at the new impersonation and the app reloads as the user. */
export function ActAsDialog({ user, onClose }: { user: AdminUserRow; onClose: () => void }) {
  const { locale, t } = useI18n();
  const trpc = useTRPC();
  const [reason, setReason] = useState("");
  const start = useMutation(
    trpc.admin.impersonation.start.mutationOptions({
      onSuccess: async ({ impersonationId }) => {
        await updateSession({ impersonationId });
        // eslint-disable-next-line @next/next/no-location-assign-relative-destination -- a full load on purpose: the shared layout and every cached query belong to the previous identity
        window.location.assign(`/${locale}/dashboard`);
      },
    }),
  );
  return (
    <Modal title={t("admin.actAsTitle", { email: user.email })} onClose={onClose} testId="act-as-dialog">
      <form
        className="space-y-3"
        onSubmit={(event) => {
          event.preventDefault();
          start.mutate({ userId: user.id, reason });
        }}
      >
        <div>
          <label className="label" htmlFor="act-as-reason">{t("admin.reason")}</label>
          <input id="act-as-reason" className="input" value={reason} onChange={(event) => setReason(event.target.value)} required minLength={3} maxLength={500} autoFocus />
          <p className="mt-1 text-xs text-ink-muted">{t("admin.reasonHint")}</p>
        </div>
        <p className="text-sm text-ink-muted">{t("admin.actAsNote")}</p>
        {start.error && <p className="form-error" role="alert">{start.error.message}</p>}
        <div className="flex justify-end gap-2">
          <button className="btn-secondary" type="button" onClick={onClose}>{t("common.cancel")}</button>
          <button className="btn-primary" type="submit" disabled={start.isPending || start.isSuccess} data-testid="start-act-as">{t("admin.actAsStart")}</button>
        </div>
      </form>
    </Modal>
  );
}
