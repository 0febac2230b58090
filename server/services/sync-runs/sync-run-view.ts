import type { Prisma } from "../../db";
import { PHASES } from "../../sync/run-phase";
import type { PhaseRecord } from "../../sync/model/unified-resource";

/** Phase ids in run order; a run has exactly these phases (ids are stable: they are Inngest step ids). */
export const PHASE_IDS: string[] = Object.values(PHASES).map((phase) => phase.id);

export const RUN_SUMMARY_COLUMNS = {
  id: true,
  connectionId: true,
  status: true,
  trigger: true,
  currentPhase: true,
  phases: true,
  resourcesCreated: true,
  resourcesUpdated: true,
  resourcesDeleted: true,
  resourcesUnchanged: true,
  monthlyCostTotal: true,
  currency: true,
  apiCalls: true,
  error: true,
  startedAt: true,
  finishedAt: true,
  createdAt: true,
} as const satisfies Prisma.SyncRunSelect;

type RunSummaryRow = Prisma.SyncRunGetPayload<{ select: typeof RUN_SUMMARY_COLUMNS }>;

/** A phase as the sync records it, plus "pending" for phases a running sync has not reached yet. */
export type PhaseStatus = PhaseRecord["status"] | "pending";

export interface PhaseView extends Omit<PhaseRecord, "status" | "startedAt"> {
  status: PhaseStatus;
  startedAt: string | null;
}

const str = (value: unknown): string | null => (typeof value === "string" ? value : null);
const num = (value: unknown): number | null => (typeof value === "number" && Number.isFinite(value) ? value : null);

function countsOf(value: unknown): Record<string, number> {
  if (!value || typeof value !== "object" || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value as Record<string, unknown>).filter((entry): entry is [string, number] => typeof entry[1] === "number"));
}

/**
 * The run's phases as recorded (JSON written by the sync as it goes), completed with the phases not reached:
 * "pending" while the run is under way, "skipped" once it has ended.
 */
export function phasesOf(run: { phases: unknown; status: string }): PhaseView[] {
  const recorded = (Array.isArray(run.phases) ? run.phases : []).filter((item): item is Record<string, unknown> => Boolean(item) && typeof item === "object");
  const finished = run.status !== "queued" && run.status !== "running";
  const byId = new Map(recorded.map((phase) => [String(phase.id), phase]));
  const definitions = Object.values(PHASES);
  const extra = recorded.filter((phase) => !definitions.some((definition) => definition.id === phase.id)).map((phase) => ({ id: String(phase.id), name: str(phase.name) ?? String(phase.id) }));
  return [...definitions, ...extra].map((definition) => {
    const phase = byId.get(definition.id);
    if (!phase) return { id: definition.id, name: definition.name, status: finished ? "skipped" : "pending", startedAt: null, finishedAt: null, durationMs: null, counts: {}, apiCalls: 0, cacheHits: 0, cacheMisses: 0, error: null };
    const status = str(phase.status);
    return {
      id: definition.id,
      name: str(phase.name) ?? definition.name,
      // A phase still "running" in a run that ended was cut short.
      status: status === "success" || status === "failed" ? status : finished ? "failed" : "running",
      startedAt: str(phase.startedAt),
      finishedAt: str(phase.finishedAt),
      durationMs: num(phase.durationMs),
      counts: countsOf(phase.counts),
      apiCalls: num(phase.apiCalls) ?? 0,
      cacheHits: num(phase.cacheHits) ?? 0,
      cacheMisses: num(phase.cacheMisses) ?? 0,
      error: str(phase.error),
    };
  });
}

export function durationOf(run: { startedAt: Date | null; finishedAt: Date | null }): number | null {
  return run.startedAt && run.finishedAt ? run.finishedAt.getTime() - run.startedAt.getTime() : null;
}

/** One line of the history table (and the card's latest run). */
export function summarizeRun(run: RunSummaryRow) {
  const phases = phasesOf(run);
  return {
    id: run.id,
    connectionId: run.connectionId,
    status: run.status,
    trigger: run.trigger,
    currentPhase: run.currentPhase,
    phasesDone: phases.filter((phase) => phase.status === "success" || phase.status === "failed").length,
    totalPhases: phases.length,
    counts: { created: run.resourcesCreated, updated: run.resourcesUpdated, deleted: run.resourcesDeleted, unchanged: run.resourcesUnchanged },
    monthlyCostTotal: run.monthlyCostTotal?.toFixed(2) ?? null,
    currency: run.currency,
    apiCalls: run.apiCalls,
    error: run.error,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
    createdAt: run.createdAt,
    durationMs: durationOf(run),
  };
}
