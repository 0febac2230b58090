import type { ProviderContext, ServerUsage, UsageRequest, UsageServer, UsageSnapshot } from "../../contract";
import { isProviderError, ProviderError } from "../../errors";
import { mapWithConcurrency } from "../http/semaphore";
import type { KeystoneCatalog } from "./keystone-catalog";
import { catalogEndpoint, catalogRegions } from "./keystone-catalog";
import { parseGnocchiMeasures } from "./gnocchi-measures";
import { queryGnocchiAggregates } from "./query-gnocchi-aggregates";

/**
 * CPU percent the way Selectel's own panel asks for it: newer Ceilometer publishes `cpu_average` (CPU time in ns,
 * averaged over the vCPUs), whose rate per second ÷ 10⁷ is percent busy; older deployments publish `cpu_util`
 * directly. The larger of the two covers both kinds of deployment.
 */
export const GNOCCHI_CPU_OPERATIONS = "(max (metric cpu_util mean) (/ (clip_min (rateofchangesec (metric cpu_average mean)) 0) 10000000))";
/** Guest memory in use, MB (from the balloon driver), per resource. */
export const GNOCCHI_MEMORY_OPERATIONS = "(metric memory.usage mean)";
export const GNOCCHI_MEMORY_METRIC = "memory.usage";

/** Five minutes: the finest granularity of the archive policies Selectel and stock Ceilometer use. */
export const GNOCCHI_GRANULARITY_SECONDS = 300;

export interface GnocchiProject {
  id: string;
  /** Project-scoped token and its catalog. */
  token: string;
  catalog: KeystoneCatalog;
}

interface Scope {
  project: GnocchiProject;
  region: string | null;
  metricUrl: string | null;
  servers: UsageServer[];
  /** The first failure of this scope: its other servers are not asked (a region that is down answers nothing). */
  failed: string | null;
}

/** The region of the metric service a server is read from; a server without a known region uses the project's only one. */
function regionFor(server: UsageServer, catalog: KeystoneCatalog): string | null {
  if (server.region) return server.region;
  const regions = catalogRegions(catalog, ["metric"]);
  return regions.length === 1 ? regions[0]! : null;
}

function scopesOf(request: UsageRequest, projectOf: (server: UsageServer) => GnocchiProject | null): { scopes: Scope[]; orphans: UsageServer[] } {
  const scopes = new Map<string, Scope>();
  const orphans: UsageServer[] = [];
  for (const server of request.servers) {
    const project = projectOf(server);
    if (!project) {
      orphans.push(server);
      continue;
    }
    const region = regionFor(server, project.catalog);
    const key = `${project.id}\u0000${region ?? ""}`;
    let scope = scopes.get(key);
    if (!scope) {
      scope = { project, region, metricUrl: region ? catalogEndpoint(project.catalog, "metric", region) : null, servers: [], failed: null };
      scopes.set(key, scope);
    }
    scope.servers.push(server);
  }
  return { scopes: [...scopes.values()], orphans };
}

async function readServer(ctx: ProviderContext, scope: Scope & { metricUrl: string }, server: UsageServer, end: Date): Promise<ServerUsage | null> {
  const base = { metricUrl: scope.metricUrl, token: scope.project.token, resourceId: server.id, stop: end, granularitySeconds: GNOCCHI_GRANULARITY_SECONDS };
  // A rate has no value at the first sample of its window: the CPU window opens one sample early so that the
  // first interval we want has its predecessor, and the extra sample is dropped below.
  const cpuStart = new Date(server.start.getTime() - GNOCCHI_GRANULARITY_SECONDS * 1000);
  const [cpuBody, memoryBody] = await Promise.all([
    queryGnocchiAggregates(ctx, { ...base, start: cpuStart, operations: GNOCCHI_CPU_OPERATIONS }),
    queryGnocchiAggregates(ctx, { ...base, start: server.start, operations: GNOCCHI_MEMORY_OPERATIONS }),
  ]);
  const cpuSamples = cpuBody === null ? [] : parseGnocchiMeasures(cpuBody, { kind: "aggregated" }, GNOCCHI_GRANULARITY_SECONDS);
  const cpu = cpuSamples?.filter(([at]) => at >= server.start.getTime()) ?? null;
  const memory =
    memoryBody === null ? [] : parseGnocchiMeasures(memoryBody, { kind: "resource", resourceId: server.id, metric: GNOCCHI_MEMORY_METRIC, aggregation: "mean" }, GNOCCHI_GRANULARITY_SECONDS);
  if (cpu === null || memory === null) {
    throw new ProviderError(`${ctx.providerId} gnocchi: the aggregates answer is not {"measures":…}`, { provider: ctx.providerId, kind: "bad_response", service: "gnocchi" });
  }
  if (cpu.length === 0 && memory.length === 0) return null;
  return { serverId: server.id, granularitySeconds: GNOCCHI_GRANULARITY_SECONDS, cpuPercent: cpu, ramMb: memory };
}

/**
 * CPU and memory of every requested server from Gnocchi, two aggregates calls per server, at most ctx.concurrency
 * servers at a time. Servers are read through their project's token from the "metric" endpoint of their region:
 * a region whose catalog has none is `unsupported` (plain OpenStack without telemetry), a scope that fails is a
 * recorded failure (the rest carries on), and a refused token is thrown — the credentials are the problem.
 * `projectOf` says which project session reads a server (null: none could be opened; reported by the caller).
 */
export async function collectGnocchiUsage(ctx: ProviderContext, request: UsageRequest, projectOf: (server: UsageServer) => GnocchiProject | null): Promise<UsageSnapshot & { orphans: UsageServer[] }> {
  const { scopes, orphans } = scopesOf(request, projectOf);
  const snapshot: UsageSnapshot & { orphans: UsageServer[] } = { servers: [], failures: [], unsupported: [], orphans };
  const tasks: { scope: Scope & { metricUrl: string }; server: UsageServer }[] = [];
  for (const scope of scopes) {
    if (scope.metricUrl === null) snapshot.unsupported.push({ projectId: scope.project.id, region: scope.region, servers: scope.servers.length });
    else for (const server of scope.servers) if (server.start < request.end) tasks.push({ scope: scope as Scope & { metricUrl: string }, server });
  }
  const results = await mapWithConcurrency(tasks, ctx.concurrency, async ({ scope, server }) => {
    if (scope.failed !== null) return null;
    ctx.signal?.throwIfAborted();
    try {
      return await readServer(ctx, scope, server, request.end);
    } catch (error) {
      if (ctx.signal?.aborted || (isProviderError(error) && error.kind === "auth")) throw error;
      const message = error instanceof Error ? error.message : String(error);
      if (scope.failed === null) {
        scope.failed = message;
        ctx.log.warn({ projectId: scope.project.id, region: scope.region, error: message }, "gnocchi scope failed");
        snapshot.failures.push({ projectId: scope.project.id, region: scope.region, error: message });
      }
      return null;
    }
  });
  snapshot.servers = results.filter((result): result is ServerUsage => result !== null);
  return snapshot;
}
