import type { UsageSample } from "../../contract";

/**
 * The two answer shapes of Gnocchi's `POST /v1/aggregates?details=false`, as Selectel's panel receives them:
 * - an operation over metrics (`(max (metric cpu_util mean) …)`) is one series across the matched resources:
 *   `{"measures":{"aggregated":[[timestamp, granularity, value], …]}}`;
 * - a bare `(metric memory.usage mean)` keeps each resource apart:
 *   `{"measures":{"<resource id>":{"memory.usage":{"mean":[[timestamp, granularity, value], …]}}}}`.
 * Timestamps are ISO with an offset ("2025-10-04T17:50:00+00:00"), granularity is seconds, values may be null
 * where an operation had nothing to compute.
 */
export type GnocchiSeriesPick = { kind: "aggregated" } | { kind: "resource"; resourceId: string; metric: string; aggregation: string };

type Triple = [unknown, unknown, unknown];

function isRecord(value: unknown): value is Record<string, unknown> {
  return Boolean(value) && typeof value === "object" && !Array.isArray(value);
}

/** The triples of the picked series; null when the body is not one of the two shapes (a changed API, a proxy's page). */
function seriesOf(body: unknown, pick: GnocchiSeriesPick): unknown[] | null {
  if (!isRecord(body) || !isRecord(body.measures)) return null;
  const { measures } = body;
  if (pick.kind === "aggregated") return Array.isArray(measures.aggregated) ? measures.aggregated : null;
  // A resource Gnocchi has no such metric for is simply absent from the answer.
  const resource = measures[pick.resourceId];
  if (resource === undefined) return [];
  if (!isRecord(resource)) return null;
  const metric = resource[pick.metric];
  if (metric === undefined) return [];
  if (!isRecord(metric)) return null;
  const series = metric[pick.aggregation];
  if (series === undefined) return [];
  return Array.isArray(series) ? series : null;
}

/**
 * Samples of one granularity, oldest first: [epoch ms of the interval start, value]. Null values and unreadable
 * timestamps are dropped (a gap, not a zero). Null for a body that is not a Gnocchi measures answer.
 */
export function parseGnocchiMeasures(body: unknown, pick: GnocchiSeriesPick, granularitySeconds: number): UsageSample[] | null {
  const series = seriesOf(body, pick);
  if (series === null) return null;
  const samples: UsageSample[] = [];
  for (const item of series) {
    if (!Array.isArray(item) || item.length < 3) return null;
    const [timestamp, granularity, value] = item as Triple;
    if (typeof timestamp !== "string") return null;
    // Without an explicit granularity Gnocchi returns every one the archive policy keeps; we asked for one.
    if (Number(granularity) !== granularitySeconds) continue;
    const at = Date.parse(timestamp);
    if (!Number.isFinite(at) || typeof value !== "number" || !Number.isFinite(value)) continue;
    samples.push([at, value]);
  }
  return samples.sort((a, b) => a[0] - b[0]);
}
