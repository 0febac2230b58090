import { Prisma, type PrismaClient } from "../../db";
import { addDays } from "../costs/calendar-days";
import type { DashboardOverview, ResolvedPeriod } from "../costs/cost-query-contract";
import { STRUCTURAL_TYPES } from "../resources/resource-view";
import { UTILIZATION_METRICS } from "./utilization-metrics";

const GIB = 1024 ** 3;

/** Capacity is not money: plain numbers, rounded for display. */
const round = (value: string | null, digits = 2) => {
  const factor = 10 ** digits;
  return Math.round(Number(value ?? 0) * factor) / factor;
};

/** Allocated capacity from the specs the sync writes (vcpus, ramMb or ramGb, storageGb) of active resources. */
async function queryAllocated(db: PrismaClient, organizationId: string) {
  const [row] = await db.$queryRaw<{ vcpus: string | null; ramGb: string | null; storageGb: string | null }[]>`
    SELECT
      SUM(CASE WHEN jsonb_typeof(r."specs" -> 'vcpus') = 'number' THEN (r."specs" ->> 'vcpus')::numeric END)::text AS vcpus,
      SUM(CASE WHEN jsonb_typeof(r."specs" -> 'ramMb') = 'number' THEN (r."specs" ->> 'ramMb')::numeric / 1024
               WHEN jsonb_typeof(r."specs" -> 'ramGb') = 'number' THEN (r."specs" ->> 'ramGb')::numeric END)::text AS "ramGb",
      SUM(CASE WHEN jsonb_typeof(r."specs" -> 'storageGb') = 'number' THEN (r."specs" ->> 'storageGb')::numeric END)::text AS "storageGb"
    FROM "Resource" r
    WHERE r."organizationId" = ${organizationId} AND r."isActive" AND r."resourceType" NOT IN (${STRUCTURAL_TYPES[0]}, ${STRUCTURAL_TYPES[1]})`;
  return { vcpus: round(row?.vcpus ?? null), ramGb: round(row?.ramGb ?? null), storageGb: round(row?.storageGb ?? null) };
}

/** A resource's capacity for a metric row: vCPU for CPU, GB of RAM for memory (null when the specs do not say). */
const CAPACITY = Prisma.sql`CASE
  WHEN m."metric" = ${UTILIZATION_METRICS.cpuPercent} AND jsonb_typeof(r."specs" -> 'vcpus') = 'number' THEN (r."specs" ->> 'vcpus')::numeric
  WHEN m."metric" = ${UTILIZATION_METRICS.ramPercent} AND jsonb_typeof(r."specs" -> 'ramMb') = 'number' THEN (r."specs" ->> 'ramMb')::numeric / 1024
  WHEN m."metric" = ${UTILIZATION_METRICS.ramPercent} AND jsonb_typeof(r."specs" -> 'ramGb') = 'number' THEN (r."specs" ->> 'ramGb')::numeric
END`;

/**
 * Used capacity from collected metrics of active resources in the period: each resource's average percentage,
 * weighted by its capacity (a 32-vCPU server idling matters more than a 1-vCPU one busy; without a known capacity
 * a resource weighs one unit), and network bytes summed. Null when no metric was collected.
 */
async function queryUsed(db: PrismaClient, organizationId: string, period: ResolvedPeriod) {
  const names = Object.values(UTILIZATION_METRICS);
  const start = new Date(`${period.from}T00:00:00.000Z`);
  const end = new Date(`${addDays(period.to, 1)}T00:00:00.000Z`);
  const rows = await db.$queryRaw<{ metric: string; average: string | null; total: string | null; capacity: string | null; resources: number }[]>`
    WITH per_resource AS (
      -- The capacity is the resource's own, the same on each of its rows: MAX just carries it through the grouping.
      SELECT m."resourceId", m."metric", AVG(m."value") AS average, SUM(m."value") AS total, MAX(${CAPACITY}) AS capacity
      FROM "ResourceMetric" m JOIN "Resource" r ON r."id" = m."resourceId"
      WHERE m."organizationId" = ${organizationId} AND r."isActive" AND m."timestamp" >= ${start} AND m."timestamp" < ${end}
        AND m."metric" IN (${names[0]}, ${names[1]}, ${names[2]}, ${names[3]})
      GROUP BY 1, 2
    )
    SELECT "metric", (SUM(average * COALESCE(capacity, 1)) / SUM(COALESCE(capacity, 1)))::text AS average, SUM(total)::text AS total,
           SUM(capacity)::text AS capacity, COUNT(*)::int AS resources
    FROM per_resource GROUP BY 1
    UNION ALL
    SELECT '*', NULL, NULL, NULL, COUNT(DISTINCT "resourceId")::int FROM per_resource`;
  const resourcesWithMetrics = rows.find((row) => row.metric === "*")?.resources ?? 0;
  if (resourcesWithMetrics === 0) return { used: null, resourcesWithMetrics };
  const metric = (name: string) => rows.find((row) => row.metric === name);
  const percent = (name: string) => (metric(name) ? round(metric(name)!.average, 1) : null);
  // The busy share of the capacity the percentages cover (resources of known capacity only).
  const share = (name: string) => {
    const row = metric(name);
    if (!row?.capacity) return null;
    return { used: round(String((Number(row.average) / 100) * Number(row.capacity)), 1), of: round(row.capacity, 1) };
  };
  const network = metric(UTILIZATION_METRICS.networkBytes);
  const cpu = share(UTILIZATION_METRICS.cpuPercent);
  const ram = share(UTILIZATION_METRICS.ramPercent);
  return {
    used: {
      cpuPercent: percent(UTILIZATION_METRICS.cpuPercent),
      ramPercent: percent(UTILIZATION_METRICS.ramPercent),
      storagePercent: percent(UTILIZATION_METRICS.storagePercent),
      networkGb: network ? round(String(Number(network.total ?? 0) / GIB)) : null,
      cpu: cpu && { busyVcpus: cpu.used, vcpus: cpu.of },
      ram: ram && { usedGb: ram.used, ramGb: ram.of },
    },
    resourcesWithMetrics,
  };
}

export async function queryUtilization(db: PrismaClient, organizationId: string, period: ResolvedPeriod): Promise<DashboardOverview["utilization"]> {
  const [allocated, used] = await Promise.all([queryAllocated(db, organizationId), queryUsed(db, organizationId, period)]);
  return { allocated, ...used };
}
