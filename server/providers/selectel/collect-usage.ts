import type { UsageRequest, UsageSnapshot } from "../contract";
import { isProviderError } from "../errors";
import { mapWithConcurrency } from "../lib/http/semaphore";
import type { GnocchiProject } from "../lib/openstack/collect-gnocchi-usage";
import { collectGnocchiUsage } from "../lib/openstack/collect-gnocchi-usage";
import { withMetricService } from "./fallback-catalog";
import { projectSession } from "./project-session";
import type { SelectelContext } from "./selectel-credentials";

/**
 * CPU and memory of the requested servers from Selectel's Gnocchi (`https://{pool}.cloud.api.selcloud.ru/metric`,
 * from each project's catalog, or from the `openstack` pattern when the catalog does not list it): a project-scoped token per project (the same cached tokens inventory used),
 * then the shared Gnocchi reader. A project whose token is refused is a recorded failure, unless every project is
 * refused — then the credentials are wrong and the error is thrown.
 */
export async function collectSelectelUsage(ctx: SelectelContext, request: UsageRequest): Promise<UsageSnapshot> {
  const projectIds = [...new Set(request.servers.map((server) => server.projectId).filter((id): id is string => id !== null))];
  const failures: UsageSnapshot["failures"] = [];
  const refusals: unknown[] = [];
  const sessions = new Map<string, GnocchiProject>();
  await mapWithConcurrency(projectIds, ctx.concurrency, async (projectId) => {
    try {
      const session = await projectSession(ctx, projectId);
      sessions.set(projectId, { id: projectId, token: session.token, catalog: withMetricService(session.catalog, ctx.endpoints.openstack!, projectId) });
    } catch (error) {
      if (ctx.signal?.aborted) throw error;
      if (isProviderError(error) && (error.kind === "auth" || error.kind === "forbidden")) refusals.push(error);
      failures.push({ projectId, region: null, error: error instanceof Error ? error.message : String(error) });
    }
  });
  if (projectIds.length > 0 && refusals.length === projectIds.length) throw refusals[0];

  const usage = await collectGnocchiUsage(ctx, request, (server) => (server.projectId ? (sessions.get(server.projectId) ?? null) : null));
  // Servers without a project cannot be scoped at all; servers of a failed project are covered by its failure.
  const unscoped = usage.orphans.filter((server) => server.projectId === null).length;
  const unsupported = unscoped ? [...usage.unsupported, { projectId: null, region: null, servers: unscoped }] : usage.unsupported;
  return { servers: usage.servers, failures: [...failures, ...usage.failures], unsupported };
}
