import type { ProviderContext } from "../providers/contract";
import { isProviderError, type ProviderErrorKind } from "../providers/errors";
import type { PhaseRecord } from "./model/unified-resource";
import type { SyncStep } from "./sync-step";

/** Phase ids double as Inngest step ids: never rename one. */
export const PHASES = {
  billing: { id: "billing", name: "Billing and account" },
  groupByType: { id: "group-by-type", name: "Group by type" },
  vms: { id: "vms", name: "Servers from inventory" },
  volumes: { id: "volumes", name: "Volumes" },
  fileStorage: { id: "file-storage", name: "File storage" },
  otherServices: { id: "other-services", name: "Other services" },
  unification: { id: "unification", name: "Unification" },
  completion: { id: "completion", name: "Completion" },
} as const;

export type PhaseDefinition = (typeof PHASES)[keyof typeof PHASES];

/** An error as a step can return it (JSON), keeping what the sync acts on: the kind and the provider's words. */
export interface SerializedError {
  message: string;
  kind: ProviderErrorKind | "internal";
  provider: string | null;
  providerMessage: string | null;
  status: number | null;
}

export function serializeError(error: unknown): SerializedError {
  if (isProviderError(error)) {
    return { message: error.message, kind: error.kind, provider: error.provider, providerMessage: error.providerMessage ?? null, status: error.status ?? null };
  }
  return { message: error instanceof Error ? error.message : String(error), kind: "internal", provider: null, providerMessage: null, status: null };
}

export interface PhaseHooks {
  onPhaseStart?(record: PhaseRecord): Promise<void>;
  onPhaseEnd?(record: PhaseRecord): Promise<void>;
}

export type PhaseOutcome<T> = { ok: true; value: T; record: PhaseRecord } | { ok: false; error: SerializedError; record: PhaseRecord };

/**
 * Runs one phase as one step. Errors are caught inside the step and returned as data, so the outcome (and the
 * phase's timings, counts and API calls) is memoized like any result and the caller decides what a failure means.
 */
export async function runPhase<T>(
  step: SyncStep,
  phase: PhaseDefinition,
  fn: () => Promise<T>,
  countsOf: (value: T) => Record<string, number>,
  options: { ctx?: ProviderContext; hooks?: PhaseHooks } = {},
): Promise<PhaseOutcome<T>> {
  return step.run(phase.id, async () => {
    const { ctx, hooks } = options;
    const startedAt = new Date();
    const started = performance.now();
    const before = { calls: ctx?.http.metrics.calls ?? 0, hits: ctx?.cache.hits ?? 0, misses: ctx?.cache.misses ?? 0 };
    const base: PhaseRecord = { ...phase, status: "running", startedAt: startedAt.toISOString(), finishedAt: null, durationMs: null, counts: {}, apiCalls: 0, cacheHits: 0, cacheMisses: 0, error: null };
    await hooks?.onPhaseStart?.(base);
    const finish = (status: "success" | "failed", counts: Record<string, number>, error: string | null): PhaseRecord => ({
      ...base,
      status,
      finishedAt: new Date().toISOString(),
      durationMs: Math.round(performance.now() - started),
      counts,
      apiCalls: (ctx?.http.metrics.calls ?? 0) - before.calls,
      cacheHits: (ctx?.cache.hits ?? 0) - before.hits,
      cacheMisses: (ctx?.cache.misses ?? 0) - before.misses,
      error,
    });
    let outcome: PhaseOutcome<T>;
    try {
      const value = await fn();
      outcome = { ok: true, value, record: finish("success", countsOf(value), null) };
    } catch (error) {
      const serialized = serializeError(error);
      outcome = { ok: false, error: serialized, record: finish("failed", {}, serialized.message) };
    }
    await hooks?.onPhaseEnd?.(outcome.record);
    return outcome;
  });
}
