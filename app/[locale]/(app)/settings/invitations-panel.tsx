"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ORG_ROLES } from "@/server/auth/org-permissions";
import type { OrgRole } from "@/server/db/generated/enums";
import { formatDateTime } from "../../../_i18n/format";
import { useI18n } from "../../../_i18n/i18n-provider";
import { useTRPC } from "../../../_trpc/react";

export function InvitationsPanel({ actorRole, timezone }: { actorRole: OrgRole; timezone: string }) {
  const { locale, t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [role, setRole] = useState<OrgRole>("member");
  const [email, setEmail] = useState("");
  const [link, setLink] = useState<string | null>(null);
  const invitations = useQuery(trpc.invitation.list.queryOptions());
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.invitation.list.queryKey() });
  const create = useMutation(
    trpc.invitation.create.mutationOptions({
      onSuccess: (created) => {
        // The token is shown once: only its hash is stored.
        setLink(`${window.location.origin}/${locale}/invite/${created.token}`);
        setEmail("");
        void refresh();
      },
    }),
  );
  const revoke = useMutation(trpc.invitation.revoke.mutationOptions({ onSuccess: () => void refresh() }));

  return (
    <div className="space-y-3 border-t border-gray-100 pt-4">
      <h3 className="font-semibold">{t("settings.invitations")}</h3>
      <form
        className="flex flex-wrap items-end gap-3"
        onSubmit={(event) => {
          event.preventDefault();
          create.mutate({ role, email });
        }}
      >
        <div className="min-w-56 flex-1">
          <label className="label" htmlFor="invite-email">{t("settings.inviteEmail")}</label>
          <input id="invite-email" className="input" type="email" value={email} onChange={(event) => setEmail(event.target.value)} />
        </div>
        <div>
          <label className="label" htmlFor="invite-role">{t("settings.role")}</label>
          <select id="invite-role" className="input" value={role} onChange={(event) => setRole(event.target.value as OrgRole)}>
            {ORG_ROLES.filter((option) => option !== "owner" || actorRole === "owner").map((option) => (
              <option key={option} value={option}>{t(`roles.${option}`)}</option>
            ))}
          </select>
        </div>
        <button className="btn-primary" type="submit" disabled={create.isPending} data-testid="create-invitation">{t("settings.createInvite")}</button>
      </form>
      {create.error && <p className="form-error" role="alert">{create.error.message}</p>}
      {link && (
        <div className="form-success space-y-1">
          <p>{t("settings.inviteLink")}</p>
          <code className="block break-all text-xs" data-testid="invitation-link">{link}</code>
          <button type="button" className="text-xs underline" onClick={() => void navigator.clipboard?.writeText(link)}>{t("settings.copy")}</button>
        </div>
      )}
      {invitations.data?.length === 0 && <p className="text-sm text-ink-muted">{t("settings.noInvitations")}</p>}
      <ul className="divide-y divide-gray-100 text-sm">
        {invitations.data?.map((invitation) => (
          <li key={invitation.id} className="flex items-center justify-between py-2">
            <span>
              {invitation.email ?? "—"} · {t(`roles.${invitation.role}`)} ·{" "}
              <span className="text-ink-muted">{t("settings.expires", { date: formatDateTime(invitation.expiresAt, locale, timezone) })}</span>
            </span>
            <button className="btn-danger py-1" onClick={() => revoke.mutate({ invitationId: invitation.id })}>{t("settings.revoke")}</button>
          </li>
        ))}
      </ul>
    </div>
  );
}
