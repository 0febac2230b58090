import { Prisma, type PrismaClient } from "../../db";
import { UTILIZATION_METRICS } from "../dashboard/utilization-metrics";

/** A card's sparkline: the last week in 6-hour means (28 points: enough to see the daily rhythm at a glance). */
export const SPARKLINE_DAYS = 7;
const BUCKET_SECONDS = 6 * 3600;

export interface UsageSparkline {
  points: { at: string; cpu: number | null; ram: number | null }[];
  /** The week's means, percent to 0.1. */
  cpuAverage: number | null;
  ramAverage: number | null;
}

const round1 = (value: number) => Math.round(value * 10) / 10;

/** Sparklines of the given resources (of one organization) that have metrics this week, by resource id. */
export async function listUsageSparklines(db: PrismaClient, organizationId: string, resourceIds: string[], now: Date = new Date()): Promise<Record<string, UsageSparkline>> {
  if (resourceIds.length === 0) return {};
  const from = new Date(now.getTime() - SPARKLINE_DAYS * 86_400_000);
  // The hourly rows of a page of cards, bucketed in the database: a week is ~170 rows per card and metric.
  const rows = await db.$queryRaw<{ resourceId: string; metric: string; bucket: number; value: number; samples: number }[]>`
    SELECT m."resourceId", m."metric", floor(extract(epoch FROM m."timestamp") / ${BUCKET_SECONDS})::int AS bucket,
           AVG(m."value")::float8 AS value, COUNT(*)::int AS samples
    FROM "ResourceMetric" m
    WHERE m."organizationId" = ${organizationId} AND m."resourceId" IN (${Prisma.join(resourceIds)})
      AND m."metric" IN (${UTILIZATION_METRICS.cpuPercent}, ${UTILIZATION_METRICS.ramPercent}) AND m."timestamp" >= ${from}
    GROUP BY 1, 2, 3
    ORDER BY 3`;
  const result: Record<string, UsageSparkline & { sums: Record<string, { sum: number; count: number }> }> = {};
  for (const row of rows) {
    const entry = (result[row.resourceId] ??= { points: [], cpuAverage: null, ramAverage: null, sums: {} });
    const at = new Date(row.bucket * BUCKET_SECONDS * 1000).toISOString();
    let point = entry.points.find((candidate) => candidate.at === at);
    if (!point) {
      point = { at, cpu: null, ram: null };
      entry.points.push(point);
    }
    const key = row.metric === UTILIZATION_METRICS.cpuPercent ? "cpu" : "ram";
    point[key] = round1(row.value);
    const sums = (entry.sums[key] ??= { sum: 0, count: 0 });
    sums.sum += row.value * row.samples;
    sums.count += row.samples;
  }
  return Object.fromEntries(
    Object.entries(result).map(([id, { sums, ...entry }]) => [
      id,
      { ...entry, cpuAverage: sums.cpu ? round1(sums.cpu.sum / sums.cpu.count) : null, ramAverage: sums.ram ? round1(sums.ram.sum / sums.ram.count) : null },
    ]),
  );
}
