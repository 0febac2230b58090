import type { ProviderContext, UsageRequest, UsageSnapshot } from "../contract";
import { collectGnocchiUsage } from "../lib/openstack";
import { openProjectSession } from "./openstack-session";

/**
 * CPU and memory from the cloud's Gnocchi, when its catalog lists a "metric" service; a cloud without telemetry
 * answers `unsupported` for every region and the sync carries on quietly. A connection is one project, so every
 * server is read with the connection's project token.
 */
export async function collectUsage(ctx: ProviderContext, request: UsageRequest): Promise<UsageSnapshot> {
  const session = await openProjectSession(ctx);
  const project = { id: session.projectId, token: session.token, catalog: session.catalog };
  const { servers, failures, unsupported } = await collectGnocchiUsage(ctx, request, () => project);
  return { servers, failures, unsupported };
}
