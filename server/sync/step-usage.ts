import { AsyncLocalStorage } from "node:async_hooks";
import type { ProviderContext } from "../providers/contract";

/** Provider calls and cache use of one step, counted even while other steps share the context at the same time. */
export interface StepUsage {
  apiCalls: number;
  cacheHits: number;
  cacheMisses: number;
}

const current = new AsyncLocalStorage<StepUsage>();
const instrumented = new WeakSet<object>();

/**
 * Makes the context's HTTP metrics and cache report to the step whose async call chain made the call. Parallel
 * steps (inventory per project) share one context in process, so deltas of the shared counters would count every
 * concurrent step's calls in each of them; this attributes each call to exactly one step. Idempotent.
 */
function instrument(ctx: ProviderContext): void {
  if (instrumented.has(ctx)) return;
  instrumented.add(ctx);
  const metrics = ctx.http.metrics;
  const add = metrics.add.bind(metrics);
  metrics.add = (record) => {
    add(record);
    const usage = current.getStore();
    if (usage) usage.apiCalls += 1;
  };
  const cache = ctx.cache;
  const getOrLoad = cache.getOrLoad.bind(cache);
  cache.getOrLoad = <T>(key: string, load: () => Promise<T>, ttlMs?: number): Promise<T> => {
    // TtlCache calls `load` synchronously on a miss, before returning its promise.
    let missed = false;
    const promise = getOrLoad(
      key,
      () => {
        missed = true;
        return load();
      },
      ttlMs,
    );
    const usage = current.getStore();
    if (usage) {
      if (missed) usage.cacheMisses += 1;
      else usage.cacheHits += 1;
    }
    return promise;
  };
}

/** Runs `fn`, counting the provider calls and cache lookups it makes through `ctx`. */
export async function withStepUsage<T>(ctx: ProviderContext | undefined, fn: (usage: StepUsage) => Promise<T>): Promise<T> {
  const usage: StepUsage = { apiCalls: 0, cacheHits: 0, cacheMisses: 0 };
  if (!ctx) return fn(usage);
  instrument(ctx);
  return current.run(usage, () => fn(usage));
}
