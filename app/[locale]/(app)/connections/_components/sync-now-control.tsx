"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useCallback, useState, type ReactNode } from "react";
import { useI18n } from "../../../../_i18n/i18n-provider";
import { useTRPC } from "../../../../_trpc/react";
import { isRunActive } from "./sync-labels";
import { SyncProgress } from "./sync-progress";

/**
 * "Sync now" and the live progress under it. A run already under way (started elsewhere, or before a reload) is
 * shown at once; when a run ends, the connection list and its history are refreshed.
 */
export function SyncNowControl({ connectionId, latestRun, canSync, actions }: { connectionId: string; latestRun: { id: string; status: string } | null; canSync: boolean; actions?: ReactNode }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [runId, setRunId] = useState<string | null>(latestRun && isRunActive(latestRun.status) ? latestRun.id : null);
  const [note, setNote] = useState<string | null>(null);
  const sync = useMutation(
    trpc.connection.sync.mutationOptions({
      onSuccess: (result) => {
        setRunId(result.syncRunId);
        setNote(result.alreadyRunning ? t("sync.alreadyRunning") : null);
        void queryClient.invalidateQueries({ queryKey: trpc.syncRun.list.queryKey({ connectionId }) });
      },
    }),
  );
  const onFinished = useCallback(() => {
    void queryClient.invalidateQueries({ queryKey: trpc.connection.list.queryKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.syncRun.list.queryKey({ connectionId }) });
  }, [queryClient, trpc, connectionId]);

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-2">
        {canSync && (
          <button type="button" className="btn-primary" onClick={() => sync.mutate({ id: connectionId })} disabled={sync.isPending} data-testid="sync-now">
            {t("connections.syncNow")}
          </button>
        )}
        {actions}
      </div>
      {note && <p className="text-xs text-ink-muted">{note}</p>}
      {sync.error && <p className="form-error" role="alert">{sync.error.message}</p>}
      {runId && <SyncProgress key={runId} runId={runId} connectionId={connectionId} onFinished={onFinished} />}
    </div>
  );
}
