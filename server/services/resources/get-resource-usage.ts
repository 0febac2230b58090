import type { PrismaClient } from "../../db";
import { AppError } from "../../api/app-error";
import { UTILIZATION_METRICS } from "../dashboard/utilization-metrics";
import { usageAvailability } from "./usage-availability";

export const USAGE_RANGES = ["24h", "7d", "30d"] as const;
export type UsageRange = (typeof USAGE_RANGES)[number];

const HOUR_MS = 3_600_000;
const RANGE_HOURS: Record<UsageRange, number> = { "24h": 24, "7d": 7 * 24, "30d": 30 * 24 };

export interface UsagePoint {
  /** Start of the hour, UTC (the client shows it in the user's time zone). */
  at: Date;
  cpuPercent: number | null;
  ramPercent: number | null;
}

interface SeriesSummary {
  average: number;
  peak: number;
}

const round1 = (value: number) => Math.round(value * 10) / 10;

function summarize(values: number[]): SeriesSummary | null {
  if (values.length === 0) return null;
  return { average: round1(values.reduce((sum, value) => sum + value, 0) / values.length), peak: round1(Math.max(...values)) };
}

/**
 * A resource's hourly CPU and memory percent over the last 24 hours, 7 or 30 days (hours ending at the current
 * one), with the period's average and peak, when its last sample was taken, and why there are none when there
 * are none. Tenant-scoped: another organization's resource is NOT_FOUND.
 */
export async function getResourceUsage(db: PrismaClient, organizationId: string, resourceId: string, range: UsageRange, now: Date = new Date()) {
  const resource = await db.resource.findFirst({ where: { id: resourceId, organizationId }, select: { id: true, providerId: true, resourceType: true, isZombie: true, isActive: true } });
  if (!resource) throw new AppError("NOT_FOUND", "errors.notFound");
  const to = new Date(Math.ceil(now.getTime() / HOUR_MS) * HOUR_MS);
  const from = new Date(to.getTime() - RANGE_HOURS[range] * HOUR_MS);
  const metrics = [UTILIZATION_METRICS.cpuPercent, UTILIZATION_METRICS.ramPercent];
  const [rows, latest] = await Promise.all([
    db.resourceMetric.findMany({
      where: { organizationId, resourceId, metric: { in: metrics }, timestamp: { gte: from, lt: to } },
      select: { metric: true, timestamp: true, value: true },
      orderBy: { timestamp: "asc" },
    }),
    db.resourceMetric.findFirst({ where: { organizationId, resourceId, metric: { in: metrics } }, select: { timestamp: true }, orderBy: { timestamp: "desc" } }),
  ]);
  const byHour = new Map<number, UsagePoint>();
  for (const row of rows) {
    const key = row.timestamp.getTime();
    const point = byHour.get(key) ?? { at: row.timestamp, cpuPercent: null, ramPercent: null };
    if (row.metric === UTILIZATION_METRICS.cpuPercent) point.cpuPercent = Number(row.value);
    else point.ramPercent = Number(row.value);
    byHour.set(key, point);
  }
  const points = [...byHour.values()];
  return {
    range,
    from,
    to,
    availability: usageAvailability(resource, latest !== null),
    lastCollectedAt: latest?.timestamp ?? null,
    points,
    summary: {
      cpu: summarize(points.flatMap((point) => (point.cpuPercent === null ? [] : [point.cpuPercent]))),
      ram: summarize(points.flatMap((point) => (point.ramPercent === null ? [] : [point.ramPercent]))),
    },
  };
}
