"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ORG_ROLES } from "@/server/auth/org-permissions";
import type { OrgRole } from "@/server/db/generated/enums";
import { useI18n } from "../../../_i18n/i18n-provider";
import { useTRPC } from "../../../_trpc/react";
import { InvitationsPanel } from "./invitations-panel";

export function MembersSection({ currentUserId, actorRole, canManage, timezone }: { currentUserId: string; actorRole: OrgRole; canManage: boolean; timezone: string }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const members = useQuery(trpc.organization.members.queryOptions());
  const refresh = { onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.organization.members.queryKey() }) };
  const changeRole = useMutation(trpc.organization.changeMemberRole.mutationOptions(refresh));
  const remove = useMutation(trpc.organization.removeMember.mutationOptions(refresh));
  const error = changeRole.error?.message ?? remove.error?.message;
  // Only owners hand out (or take away) the owner role.
  const assignable = ORG_ROLES.filter((role) => role !== "owner" || actorRole === "owner");

  return (
    <div className="space-y-4">
      <h3 className="font-semibold">{t("settings.members")}</h3>
      {!canManage && <p className="text-sm text-ink-muted">{t("settings.readOnlyMembers")}</p>}
      {error && <p className="form-error" role="alert">{error}</p>}
      <table className="w-full text-left text-sm" data-testid="members-table">
        <thead className="text-ink-muted">
          <tr>
            <th className="py-2 font-medium">{t("auth.email")}</th>
            <th className="py-2 font-medium">{t("settings.role")}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {members.data?.map((member) => {
            const editable = canManage && (member.role !== "owner" || actorRole === "owner");
            return (
              <tr key={member.id} className="border-t border-gray-100">
                <td className="py-2">
                  {member.user.name ?? member.user.email} <span className="text-ink-muted">{member.user.email}</span>
                  {member.user.id === currentUserId && <span className="ml-2 text-xs text-ink-muted">({t("settings.you")})</span>}
                </td>
                <td className="py-2">
                  {editable ? (
                    <select
                      className="input w-auto py-1"
                      value={member.role}
                      aria-label={t("settings.role")}
                      onChange={(event) => changeRole.mutate({ membershipId: member.id, role: event.target.value as OrgRole })}
                    >
                      {assignable.map((role) => <option key={role} value={role}>{t(`roles.${role}`)}</option>)}
                    </select>
                  ) : (
                    t(`roles.${member.role}`)
                  )}
                </td>
                <td className="py-2 text-right">
                  {editable && member.user.id !== currentUserId && (
                    <button className="btn-danger py-1" onClick={() => remove.mutate({ membershipId: member.id })} disabled={remove.isPending}>
                      {t("settings.remove")}
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {canManage && <InvitationsPanel actorRole={actorRole} timezone={timezone} />}
    </div>
  );
}
