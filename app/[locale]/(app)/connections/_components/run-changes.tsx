"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useI18n } from "../../../../_i18n/i18n-provider";
import { useTRPC } from "../../../../_trpc/react";
import { DiffTable } from "../../../../_components/diff-table";
import { Pager } from "../../../../_components/pager";

type Change = "created" | "updated" | "deleted" | "unchanged";

const PAGE_SIZE = 25;
const GROUPS: Change[] = ["created", "updated", "deleted", "unchanged"];
const HEADER_TONES: Record<Change, string> = { created: "text-emerald-700", updated: "text-blue-700", deleted: "text-brand-error", unchanged: "text-ink-muted" };

/** The run's resource changes, grouped by action; unchanged resources stay folded until asked for. */
export function RunChanges({ syncRunId, counts }: { syncRunId: string; counts: Record<Change, number> }) {
  const { t } = useI18n();
  return (
    <section className="card space-y-4" data-testid="run-changes">
      <h2 className="text-lg font-semibold">{t("sync.changesTitle")}</h2>
      {GROUPS.map((change) => (
        <ChangeGroup key={change} syncRunId={syncRunId} change={change} total={counts[change]} />
      ))}
    </section>
  );
}

function ChangeGroup({ syncRunId, change, total }: { syncRunId: string; change: Change; total: number }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const [open, setOpen] = useState(change !== "unchanged" && total > 0);
  const [page, setPage] = useState(1);
  const query = useQuery(trpc.syncRun.changes.queryOptions({ syncRunId, change, page, pageSize: PAGE_SIZE }, { enabled: open, placeholderData: (previous) => previous }));
  const group = query.data?.groups[0];
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  return (
    <div className="rounded-md border border-gray-200" data-testid={`changes-${change}`}>
      <button type="button" className="flex w-full items-center justify-between px-4 py-3 text-left" onClick={() => setOpen(!open)} disabled={total === 0} aria-expanded={open}>
        <span className={`font-semibold ${HEADER_TONES[change]}`}>{t(`sync.change.${change}`)} · {total}</span>
        {total > 0 && <span className="text-sm text-ink-muted">{open ? t("sync.hide") : t("sync.showMore")}</span>}
      </button>
      {open && (
        <div className="border-t border-gray-100">
          {!group ? (
            <p className="px-4 py-3 text-sm text-ink-muted">{query.error ? query.error.message : t("common.loading")}</p>
          ) : group.items.length === 0 ? (
            <p className="px-4 py-3 text-sm text-ink-muted">{t("sync.emptyGroup")}</p>
          ) : (
            <ul className="divide-y divide-gray-100">
              {group.items.map((item) => (
                <li key={item.id} className="px-4 py-3 text-sm" data-testid="change-item">
                  <div className="flex flex-wrap items-center gap-2">
                    <span className="font-medium">{item.resource.name}</span>
                    <span className="rounded bg-gray-100 px-1.5 py-0.5 text-xs text-ink-muted">{item.resource.resourceType}</span>
                    {item.resource.projectName && <span className="text-xs text-ink-muted">{item.resource.projectName}</span>}
                    {item.resource.region && <span className="text-xs text-ink-muted">{item.resource.region}</span>}
                    {item.costChanged && <span className="text-xs text-amber-700">{t("sync.flags.cost")}</span>}
                    {item.statusChanged && <span className="text-xs text-blue-700">{t("sync.flags.status")}</span>}
                    {item.configChanged && <span className="text-xs text-ink-muted">{t("sync.flags.config")}</span>}
                  </div>
                  <DiffTable diff={item.diff} labels={{ field: t("sync.field"), before: t("sync.before"), after: t("sync.after") }} />
                </li>
              ))}
            </ul>
          )}
          {pages > 1 && <div className="flex justify-end px-4 pb-4"><Pager page={page} pages={pages} onPage={setPage} /></div>}
        </div>
      )}
    </div>
  );
}
