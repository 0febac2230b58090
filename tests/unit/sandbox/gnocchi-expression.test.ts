import { describe, expect, it } from "vitest";
import { GNOCCHI_CPU_OPERATIONS } from "@/server/providers/lib/openstack";
import { evaluate, ExpressionError, metricNames, parseExpression, type Series } from "@/server/sandbox/openstack/gnocchi-expression";

const T = (minute: number) => Date.parse("2025-11-02T09:00:00Z") + minute * 60_000;

describe("the sandbox's Gnocchi operations", () => {
  it("parses the CPU query, also as Selectel's panel sends it with one parenthesis too many", () => {
    const expected = ["max", ["metric", "cpu_util", "mean"], ["/", ["clip_min", ["rateofchangesec", ["metric", "cpu_average", "mean"]], 0], 10000000]];
    expect(parseExpression(GNOCCHI_CPU_OPERATIONS)).toEqual(expected);
    expect(parseExpression(`${GNOCCHI_CPU_OPERATIONS})`)).toEqual(expected);
    expect(metricNames(parseExpression(GNOCCHI_CPU_OPERATIONS))).toEqual([
      { name: "cpu_util", aggregation: "mean" },
      { name: "cpu_average", aggregation: "mean" },
    ]);
  });

  it("turns a CPU-time counter into percent and takes the larger series where both have a sample", () => {
    // 300 s at 40 % busy = 300 × 0.4 × 10⁹ ns of CPU time.
    const counter: Series = [[T(0), 1e12], [T(5), 1e12 + 1.2e11], [T(10), 1e12 + 1.2e11 + 0.6e11]];
    const util: Series = [[T(0), 35], [T(5), 38], [T(10), 25]];
    const lookup = (name: string) => (name === "cpu_util" ? util : counter);
    expect(evaluate(parseExpression(GNOCCHI_CPU_OPERATIONS), lookup)).toEqual({ kind: "series", series: [[T(5), 40], [T(10), 25]] });
  });

  it("clips a counter reset to zero and keeps only timestamps every series has", () => {
    const counter: Series = [[T(0), 5e11], [T(5), 1e9]];
    expect(evaluate(parseExpression("(clip_min (rateofchangesec (metric cpu_average mean)) 0)"), () => counter)).toEqual({ kind: "series", series: [[T(5), 0]] });
    const a: Series = [[T(0), 1], [T(5), 2]];
    const b: Series = [[T(5), 7], [T(10), 9]];
    expect(evaluate(parseExpression("(min (metric a mean) (metric b mean))"), (name) => (name === "a" ? a : b))).toEqual({ kind: "series", series: [[T(5), 2]] });
  });

  it("explains what it cannot evaluate", () => {
    expect(() => parseExpression("(max (metric cpu_util mean)")).toThrow(ExpressionError);
    expect(() => parseExpression("(metric cpu_util mean) extra")).toThrow(/after the operations/);
    expect(() => evaluate(parseExpression("(resample mean 3600 (metric cpu_util mean))"), () => [])).toThrow(/not supported/);
    expect(() => evaluate(parseExpression("(clip_min 5 0)"), () => [])).toThrow(ExpressionError);
  });
});
