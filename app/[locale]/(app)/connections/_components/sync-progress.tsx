"use client";

import { ProgressBar } from "@tremor/react";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { useI18n } from "../../../../_i18n/i18n-provider";
import { useTRPC } from "../../../../_trpc/react";
import type { RouterOutputs } from "../../../../_trpc/types";
import { formatCounts, formatDuration, isRunActive, phaseLabel } from "./sync-labels";
import { RunStatusBadge } from "./status-badge";

type Run = RouterOutputs["syncRun"]["get"];

const POLL_MS = 1_000;

/** Elapsed time of a run: ticks every second while it is under way. */
function useElapsed(run: Run | undefined): number | null {
  const active = run ? isRunActive(run.status) : false;
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, [active]);
  if (!run) return null;
  const start = (run.startedAt ?? run.createdAt).getTime();
  const end = run.finishedAt ? run.finishedAt.getTime() : Math.max(now, start);
  return end - start;
}

/** Which phase to name: the running one, else the last one that ran. */
function phaseInFocus(run: Run) {
  const running = run.phases.findIndex((phase) => phase.status === "running");
  if (running >= 0) return { index: running, phase: run.phases[running]! };
  const ran = run.phases.map((phase, index) => ({ phase, index })).filter(({ phase }) => phase.status === "success" || phase.status === "failed");
  return ran.at(-1) ?? null;
}

/**
 * Live progress of one sync run: polls syncRun.get every second while it is queued or running and shows the
 * phase (n/8), its counters, the elapsed time, then the outcome with its message.
 */
export function SyncProgress({ runId, connectionId, onFinished }: { runId: string; connectionId: string; onFinished?: (run: Run) => void }) {
  const { locale, t } = useI18n();
  const trpc = useTRPC();
  const query = useQuery(
    trpc.syncRun.get.queryOptions(
      { id: runId },
      { staleTime: 0, refetchInterval: (current) => (current.state.data && !isRunActive(current.state.data.status) ? false : POLL_MS) },
    ),
  );
  const run = query.data;
  const elapsed = useElapsed(run);
  const reported = useRef<string | null>(null);
  useEffect(() => {
    if (run && !isRunActive(run.status) && reported.current !== run.id) {
      reported.current = run.id;
      onFinished?.(run);
    }
  }, [run, onFinished]);

  if (!run) {
    return (
      <div className="rounded-md border border-gray-200 p-3 text-sm text-ink-muted" data-testid="sync-progress">
        {query.error ? query.error.message : t("common.loading")}
      </div>
    );
  }
  const active = isRunActive(run.status);
  const focus = phaseInFocus(run);
  const percent = run.status === "success" || run.status === "partial" ? 100 : Math.round((run.phasesDone / Math.max(run.totalPhases, 1)) * 100);
  const color = run.status === "error" ? "red" : run.status === "partial" ? "amber" : run.status === "success" ? "emerald" : "blue";
  const message =
    run.status === "success"
      ? t("sync.doneSuccess", { ...run.counts })
      : run.status === "partial"
        ? t("sync.donePartial", { error: run.error ?? "" })
        : run.status === "error"
          ? t("sync.doneError", { error: run.error ?? "" })
          : null;

  return (
    <div className="space-y-2 rounded-md border border-gray-200 bg-surface-muted p-3" data-testid="sync-progress" data-status={run.status} aria-live="polite">
      <div className="flex flex-wrap items-center justify-between gap-2 text-sm">
        <span className="font-medium" data-testid="sync-phase">
          {run.status === "queued" || !focus ? t("sync.queued") : t("sync.progress", { n: focus.index + 1, total: run.totalPhases, phase: phaseLabel(t, focus.phase) })}
        </span>
        <span className="flex items-center gap-2">
          <span className="tabular-nums text-ink-muted" data-testid="sync-elapsed">{formatDuration(elapsed, locale, t)}</span>
          <RunStatusBadge status={run.status} testId="sync-status" />
        </span>
      </div>
      <ProgressBar value={percent} color={color} showAnimation />
      {active && focus && Object.keys(focus.phase.counts).length > 0 && <p className="text-xs text-ink-muted" data-testid="sync-counts">{formatCounts(focus.phase.counts)}</p>}
      {message && (
        <p className={`text-sm ${run.status === "success" ? "text-emerald-700" : run.status === "partial" ? "text-amber-800" : "text-brand-error"}`} data-testid="sync-message">
          {message}{" "}
          <Link className="underline" href={`/${locale}/connections/${connectionId}/runs/${run.id}`}>{t("sync.details")}</Link>
        </p>
      )}
    </div>
  );
}
