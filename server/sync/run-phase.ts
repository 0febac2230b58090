import type { ProviderContext } from "../providers/contract";
import { isProviderError, ProviderError, type ProviderErrorKind } from "../providers/errors";
import type { PhaseRecord } from "./model/unified-resource";
import { withStepUsage, type StepUsage } from "./step-usage";
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
  /** After completion: metrics attach to the resources it wrote. Runs only for plugins with collectUsage. */
  usage: { id: "usage", name: "CPU and memory usage" },
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

/** The error again, for code that must throw what a step returned (the `inventory` CLI, a fatal fan-out). */
export function deserializeError(error: SerializedError): ProviderError {
  return new ProviderError(error.message, {
    provider: error.provider ?? "sync",
    kind: error.kind === "internal" ? "bad_response" : error.kind,
    providerMessage: error.providerMessage ?? undefined,
    status: error.status ?? undefined,
  });
}

export interface PhaseHooks {
  onPhaseStart?(record: PhaseRecord): Promise<void>;
  onPhaseEnd?(record: PhaseRecord): Promise<void>;
}

export type PhaseOutcome<T> = { ok: true; value: T; record: PhaseRecord } | { ok: false; error: SerializedError; record: PhaseRecord };

/**
 * Runs one phase as one step. Errors are caught inside the step and returned as data, so the outcome (and the
 * phase's timings, counts and API calls) is memoized like any result and the caller decides what a failure means;
 * except when the runner says the error is worth retrying (`step.shouldRetry`: a transient provider error while
 * Inngest has attempts left), then it is thrown so the runner retries the step with backoff. `extra` adds the
 * calls made by steps that belong to this phase but ran before it (the inventory fan-out of "vms").
 */
export async function runPhase<T>(
  step: SyncStep,
  phase: PhaseDefinition,
  fn: () => Promise<T>,
  countsOf: (value: T) => Record<string, number>,
  options: { ctx?: ProviderContext; hooks?: PhaseHooks; startedAt?: string; extra?: StepUsage } = {},
): Promise<PhaseOutcome<T>> {
  return step.run(phase.id, () =>
    withStepUsage(options.ctx, async (usage) => {
      const { hooks, extra } = options;
      const startedAt = options.startedAt ? new Date(options.startedAt) : new Date();
      const started = performance.now() - (Date.now() - startedAt.getTime());
      const base: PhaseRecord = { ...phase, status: "running", startedAt: startedAt.toISOString(), finishedAt: null, durationMs: null, counts: {}, apiCalls: 0, cacheHits: 0, cacheMisses: 0, error: null };
      await hooks?.onPhaseStart?.(base);
      const finish = (status: "success" | "failed", counts: Record<string, number>, error: string | null): PhaseRecord => ({
        ...base,
        status,
        finishedAt: new Date().toISOString(),
        durationMs: Math.round(performance.now() - started),
        counts,
        apiCalls: usage.apiCalls + (extra?.apiCalls ?? 0),
        cacheHits: usage.cacheHits + (extra?.cacheHits ?? 0),
        cacheMisses: usage.cacheMisses + (extra?.cacheMisses ?? 0),
        error,
      });
      let outcome: PhaseOutcome<T>;
      try {
        const value = await fn();
        outcome = { ok: true, value, record: finish("success", countsOf(value), null) };
      } catch (error) {
        if (step.shouldRetry?.(error)) throw error;
        const serialized = serializeError(error);
        outcome = { ok: false, error: serialized, record: finish("failed", {}, serialized.message) };
      }
      await hooks?.onPhaseEnd?.(outcome.record);
      return outcome;
    }),
  );
}
