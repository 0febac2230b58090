import { db } from "../../db";
import type { ProviderContext, ProviderPlugin, UsageServer } from "../../providers/contract";
import { UTILIZATION_METRICS } from "../../services/dashboard/utilization-metrics";
import type { SyncFailure } from "../model/unified-resource";
import { persistResourceMetrics, type MetricRow } from "../persistence/persist-resource-metrics";
import type { PersistTarget } from "../persistence/persist-resources";
import { chunks } from "../persistence/to-json";
import { hourlyMeans, ramPercent, storedPercent } from "./hourly-usage";
import { usageEnd, usageStart } from "./usage-window";

/** Servers per provider call: bounds memory (a week of 5-minute samples is ~4k numbers a server) and batch size. */
const SERVERS_PER_CALL = 100;
const PERCENT = "percent";

export interface UsagePhaseCounts {
  /** Servers whose window was open. */
  servers: number;
  /** Servers the provider had samples for. */
  withMetrics: number;
  /** Servers in scopes without a metric service. */
  unsupported: number;
  /** Hourly rows inserted or changed. */
  rows: number;
}

export interface UsagePhaseOutput {
  counts: UsagePhaseCounts;
  failures: SyncFailure[];
}

function ramMbOf(specs: unknown): number | null {
  const value = specs && typeof specs === "object" ? (specs as Record<string, unknown>).ramMb : null;
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

/**
 * The usage step: CPU and memory of the connection's live servers (active, not zombies) from the provider, as
 * hourly means in ResourceMetric (`cpu_percent`, `ram_percent` — the names the dashboard reads; memory as a percent
 * of the flavor's RAM). Each server's window starts after its last stored hour (first time: a week back) and ends
 * at the last settled hour, so a repeated sync reads and writes only new hours, and a re-run of the step rewrites
 * the same rows. Storage and network have no source here (Gnocchi's disk metrics are I/O rates, not fill) and stay
 * absent. Scopes that fail are returned as failures: the run ends partial, billing untouched.
 */
export async function collectUsagePhase(plugin: ProviderPlugin, ctx: ProviderContext, target: PersistTarget, now: Date): Promise<UsagePhaseOutput> {
  const collect = plugin.collectUsage?.bind(plugin);
  const counts: UsagePhaseCounts = { servers: 0, withMetrics: 0, unsupported: 0, rows: 0 };
  if (!collect) return { counts, failures: [] };
  const end = usageEnd(now);
  const resources = await db.resource.findMany({
    where: { connectionId: target.connectionId, isActive: true, isZombie: false, resourceType: "server" },
    select: { id: true, providerResourceId: true, projectId: true, region: true, specs: true },
    orderBy: { id: "asc" },
  });
  const last = await db.resourceMetric.groupBy({
    by: ["resourceId"],
    where: { resourceId: { in: resources.map((resource) => resource.id) }, metric: { in: [UTILIZATION_METRICS.cpuPercent, UTILIZATION_METRICS.ramPercent] } },
    _max: { timestamp: true },
  });
  const lastHour = new Map(last.map((row) => [row.resourceId, row._max.timestamp]));
  const byProviderId = new Map(resources.map((resource) => [resource.providerResourceId, resource]));
  const servers: UsageServer[] = resources
    .map((resource) => ({ id: resource.providerResourceId, projectId: resource.projectId, region: resource.region, start: usageStart(lastHour.get(resource.id) ?? null, end) }))
    .filter((server) => server.start < end);
  counts.servers = servers.length;

  const failures: SyncFailure[] = [];
  for (const batch of chunks(servers, SERVERS_PER_CALL)) {
    ctx.signal?.throwIfAborted();
    const snapshot = await collect(ctx, { servers: batch, end });
    failures.push(...snapshot.failures.map((failure) => ({ phase: "usage", ...failure })));
    counts.unsupported += snapshot.unsupported.reduce((sum, scope) => sum + scope.servers, 0);
    const rows: MetricRow[] = [];
    for (const usage of snapshot.servers) {
      const resource = byProviderId.get(usage.serverId);
      if (!resource) continue;
      const start = batch.find((server) => server.id === usage.serverId)?.start.getTime() ?? 0;
      // Only the asked window: an hour before it is already stored, one at or after `end` has not settled.
      const inWindow = (point: { hour: Date }) => point.hour.getTime() >= start && point.hour < end;
      for (const point of hourlyMeans(usage.cpuPercent).filter(inWindow)) {
        rows.push({ resourceId: resource.id, metric: UTILIZATION_METRICS.cpuPercent, unit: PERCENT, timestamp: point.hour, value: storedPercent(point.value) });
      }
      const flavorRamMb = ramMbOf(resource.specs);
      for (const point of hourlyMeans(usage.ramMb).filter(inWindow)) {
        const value = ramPercent(point.value, flavorRamMb);
        if (value !== null) rows.push({ resourceId: resource.id, metric: UTILIZATION_METRICS.ramPercent, unit: PERCENT, timestamp: point.hour, value });
      }
      if (usage.cpuPercent.length || usage.ramMb.length) counts.withMetrics += 1;
    }
    counts.rows += await persistResourceMetrics(target.organizationId, rows);
  }
  return { counts, failures: distinct(failures) };
}

function distinct(failures: SyncFailure[]): SyncFailure[] {
  const seen = new Map<string, SyncFailure>();
  for (const failure of failures) seen.set(`${failure.projectId}|${failure.region}|${failure.error}`, failure);
  return [...seen.values()];
}
