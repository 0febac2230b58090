/** Wall-clock latency of repeated calls, one at a time (a dashboard user waits for one answer, not a batch). */

export interface Latency {
  calls: number;
  p50: number;
  p95: number;
  max: number;
}

/** Nearest-rank quantile, the same rule as the sync benchmark: with 50 calls p95 is the 48th fastest. */
export function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

export async function timeOnce(call: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await call();
  return performance.now() - started;
}

export async function measureLatency(call: () => Promise<unknown>, options: { warmups: number; calls: number }): Promise<Latency> {
  for (let index = 0; index < options.warmups; index += 1) await call();
  const samples: number[] = [];
  for (let index = 0; index < options.calls; index += 1) samples.push(await timeOnce(call));
  return latencyOf(samples);
}

const FAST_CALLS = 50;
const TURNS = 5;

/**
 * The fast and the naive side measured in turns over the same minutes: this machine's speed drifts by a third to a
 * half within minutes (other processes share its 2 cores), and measuring one side's calls after the other's made the
 * ratio depend on which drift each side met. Each of 5 turns makes 10 fast calls, then a fifth of the naive calls.
 * The naive side gets 50 calls when that stays under ~20 s per scenario, otherwise 5: a full scan that takes
 * seconds would make the run long without changing its p50. The count is printed with the figures.
 */
export async function measureInTurns(fast: () => Promise<unknown>, naive: () => Promise<unknown>, options: { warmups: number }): Promise<{ fast: Latency; naive: Latency }> {
  for (let index = 0; index < options.warmups; index += 1) await fast();
  const first = await timeOnce(naive);
  const naiveCalls = first * 50 < 20_000 ? 50 : 5;
  const fastSamples: number[] = [];
  const naiveSamples: number[] = [];
  for (let turn = 0; turn < TURNS; turn += 1) {
    for (let index = 0; index < FAST_CALLS / TURNS; index += 1) fastSamples.push(await timeOnce(fast));
    for (let index = 0; index < naiveCalls / TURNS; index += 1) naiveSamples.push(await timeOnce(naive));
  }
  return { fast: latencyOf(fastSamples), naive: latencyOf(naiveSamples) };
}

function latencyOf(samples: number[]): Latency {
  return { calls: samples.length, p50: quantile(samples, 0.5), p95: quantile(samples, 0.95), max: Math.max(...samples) };
}
