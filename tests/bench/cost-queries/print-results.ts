/** The results table, in the sync benchmark's style: figures, then PASS/FAIL per target. */
import type { Latency } from "./measure-latency";

export const TARGETS = { p95Ms: 150, speedup: 20 };

export interface ScenarioResult {
  name: string;
  correct: boolean;
  fast: Latency;
  naive: Latency;
  /** The naive queries with the indexes the backend added (the planner's choice): how much the rollup adds. */
  indexed: Latency;
}

const ms = (value: number) => (value >= 100 ? `${Math.round(value)}` : value.toFixed(1));

/** Speedup on medians: the naive side's p95 over 5 calls is just its maximum. */
export const speedupOf = (result: ScenarioResult) => result.naive.p50 / result.fast.p50;
export const meetsLatency = (result: ScenarioResult) => result.fast.p95 <= TARGETS.p95Ms;
export const meetsSpeedup = (result: ScenarioResult) => speedupOf(result) >= TARGETS.speedup;

export function printResults(results: ScenarioResult[]): void {
  const nameWidth = Math.max(...results.map((result) => result.name.length), 8);
  const header = [
    "scenario".padEnd(nameWidth),
    "fast p50".padStart(9),
    "fast p95".padStart(9),
    "naive p50".padStart(10),
    "naive p95".padStart(10),
    "(n)".padStart(5),
    "idx p50".padStart(8),
    "ratio".padStart(7),
    `  p95≤${TARGETS.p95Ms}`,
    `  ≥${TARGETS.speedup}×`,
    "  answer",
  ].join(" ");
  console.log(header);
  console.log("─".repeat(header.length));
  for (const result of results) {
    console.log(
      [
        result.name.padEnd(nameWidth),
        ms(result.fast.p50).padStart(9),
        ms(result.fast.p95).padStart(9),
        ms(result.naive.p50).padStart(10),
        ms(result.naive.p95).padStart(10),
        String(result.naive.calls).padStart(5),
        ms(result.indexed.p50).padStart(8),
        `${speedupOf(result).toFixed(1)}×`.padStart(7),
        (meetsLatency(result) ? "  PASS" : "  FAIL").padEnd(`  p95≤${TARGETS.p95Ms}`.length),
        (meetsSpeedup(result) ? "  PASS" : "  FAIL").padEnd(`  ≥${TARGETS.speedup}×`.length),
        result.correct ? "  equal" : "  MISMATCH",
      ].join(" "),
    );
  }
  console.log("");
  console.log(`times in ms; fast: 5 warm-ups + 50 calls; naive: full scan of CostRecord, 1 warm-up + (n) calls, in turns with fast; idx: the naive`);
  console.log(`queries with index scans allowed, 1 warm-up + 5 calls (informational); ratio = naive p50 / fast p50`);
  const checks = results.flatMap((result) => [meetsLatency(result), meetsSpeedup(result)]);
  const met = checks.filter(Boolean).length;
  const correct = results.filter((result) => result.correct).length;
  console.log(`${met === checks.length ? "PASS" : "FAIL"}: ${met}/${checks.length} targets met; answers equal to the kopeck in ${correct}/${results.length} scenarios`);
}
