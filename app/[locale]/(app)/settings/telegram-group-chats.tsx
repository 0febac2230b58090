"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { formatDateTime } from "../../../_i18n/format";
import { useI18n } from "../../../_i18n/i18n-provider";
import { useTRPC } from "../../../_trpc/react";
import { LinkCodeCard, type IssuedLinkCode } from "./link-code-card";
import { UnlinkChatButton } from "./unlink-chat-button";

function toggle(list: string[], id: string): string[] {
  return list.includes(id) ? list.filter((item) => item !== id) : [...list, id];
}

function FilterChecklist({ legend, options, selected, onChange }: { legend: string; options: { id: string; name: string }[]; selected: string[]; onChange: (next: string[]) => void }) {
  const { t } = useI18n();
  return (
    <fieldset className="min-w-56 flex-1">
      <legend className="label">{legend}</legend>
      {options.length === 0 && <p className="text-sm text-ink-muted">{t("telegram.noFilterOptions")}</p>}
      <div className="max-h-40 space-y-1 overflow-y-auto text-sm">
        {options.map((option) => (
          <label key={option.id} className="flex items-center gap-2">
            <input type="checkbox" checked={selected.includes(option.id)} onChange={() => onChange(toggle(selected, option.id))} />
            {option.name}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** Admins only: a /link code for a team chat, optionally narrowed to some connections and projects. */
function LinkGroupForm({ timezone }: { timezone: string }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const [open, setOpen] = useState(false);
  const [connectionIds, setConnectionIds] = useState<string[]>([]);
  const [projectIds, setProjectIds] = useState<string[]>([]);
  const [issued, setIssued] = useState<IssuedLinkCode | null>(null);
  const options = useQuery({ ...trpc.costExplorer.options.queryOptions(), enabled: open });
  const create = useMutation(trpc.telegram.createLinkCode.mutationOptions({ onSuccess: setIssued }));

  if (!open) {
    return <button className="btn-secondary" type="button" onClick={() => setOpen(true)} data-testid="telegram-link-group">{t("telegram.linkGroup")}</button>;
  }
  return (
    <form
      className="space-y-3 rounded-md border border-gray-200 p-3"
      onSubmit={(event) => {
        event.preventDefault();
        create.mutate({ purpose: "group", connectionIds, projectIds });
      }}
    >
      <div className="flex flex-wrap gap-4">
        <FilterChecklist legend={t("telegram.filterConnections")} options={options.data?.connections ?? []} selected={connectionIds} onChange={setConnectionIds} />
        <FilterChecklist legend={t("telegram.filterProjects")} options={options.data?.projects ?? []} selected={projectIds} onChange={setProjectIds} />
      </div>
      <p className="text-xs text-ink-muted">{t("telegram.filterHint")}</p>
      <button className="btn-primary" type="submit" disabled={create.isPending} data-testid="telegram-create-group-code">{t("telegram.createGroupCode")}</button>
      {create.error && <p className="form-error" role="alert">{create.error.message}</p>}
      {issued && <LinkCodeCard key={issued.code} issued={issued} timezone={timezone} />}
    </form>
  );
}

/** The organization's linked team chats: who linked each, what it sees, and (for admins) Unlink. */
export function TelegramGroupChats({ timezone }: { timezone: string }) {
  const { locale, t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const links = useQuery(trpc.telegram.links.queryOptions());
  const unlink = useMutation(trpc.telegram.unlink.mutationOptions({ onSuccess: () => void queryClient.invalidateQueries({ queryKey: trpc.telegram.links.queryKey() }) }));
  const groups = links.data?.groups ?? [];
  const canManage = links.data?.canManageGroups ?? false;

  return (
    <div className="space-y-3 border-t border-gray-100 pt-4" data-testid="telegram-groups">
      <h3 className="font-semibold">{t("telegram.groupsTitle")}</h3>
      <p className="text-sm text-ink-muted">{t("telegram.groupsHint")}</p>
      {links.isSuccess && !canManage && <p className="text-sm text-ink-muted">{t("telegram.groupsReadOnly")}</p>}
      {links.isSuccess && groups.length === 0 && <p className="text-sm">{t("telegram.noGroups")}</p>}
      <ul className="divide-y divide-gray-100 text-sm">
        {groups.map((group) => (
          <li key={group.id} className="flex flex-wrap items-start justify-between gap-2 py-2" data-testid="telegram-group-row">
            <div className="space-y-0.5">
              <p className="font-medium">{group.title ?? t("telegram.untitledGroup")}</p>
              {group.connections.length === 0 && group.projects.length === 0 && <p className="text-ink-muted">{t("telegram.allData")}</p>}
              {group.connections.length > 0 && <p className="text-ink-muted">{t("telegram.connectionsList", { names: group.connections.map((item) => item.name).join(", ") })}</p>}
              {group.projects.length > 0 && <p className="text-ink-muted">{t("telegram.projectsList", { names: group.projects.map((item) => item.name).join(", ") })}</p>}
              <p className="text-xs text-ink-muted">
                {t("telegram.linkedBy", { name: group.linkedBy.name ?? group.linkedBy.email, date: formatDateTime(group.createdAt, locale, timezone) })}
              </p>
            </div>
            {canManage && <UnlinkChatButton pending={unlink.isPending} onConfirm={() => unlink.mutate({ chatId: group.id })} />}
          </li>
        ))}
      </ul>
      {unlink.error && <p className="form-error" role="alert">{unlink.error.message}</p>}
      {canManage && <LinkGroupForm timezone={timezone} />}
    </div>
  );
}
