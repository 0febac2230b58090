import type { InventoryRequest, InventorySnapshot } from "../contract";
import { isProviderError } from "../errors";
import { mapWithConcurrency } from "../lib/http/semaphore";
import type { OpenStackInventoryProject } from "../lib/openstack/collect-openstack-inventory";
import { collectOpenStackInventory } from "../lib/openstack/collect-openstack-inventory";
import { projectSession } from "./project-session";
import type { SelectelContext } from "./selectel-credentials";

type Failure = InventorySnapshot["failures"][number];

/**
 * Servers, volumes and ports of each requested project in every region its catalog lists. Project tokens are
 * obtained in parallel (bounded by ctx.concurrency); a project whose token is refused is a recorded failure,
 * unless every project is refused — then the credentials are wrong and the error is thrown.
 */
export async function collectSelectelInventory(ctx: SelectelContext, request: InventoryRequest): Promise<InventorySnapshot> {
  const failures: Failure[] = [];
  const refusals: unknown[] = [];
  const sessions = await mapWithConcurrency(request.projects, ctx.concurrency, async (project): Promise<OpenStackInventoryProject | null> => {
    try {
      return { id: project.id, name: project.name, ...(await projectSession(ctx, project.id)) };
    } catch (error) {
      if (ctx.signal?.aborted) throw error;
      if (isProviderError(error) && (error.kind === "auth" || error.kind === "forbidden")) refusals.push(error);
      const message = error instanceof Error ? error.message : String(error);
      ctx.log.warn({ projectId: project.id, error: message }, "selectel project token failed");
      failures.push({ projectId: project.id, region: null, error: message });
      return null;
    }
  });
  if (request.projects.length > 0 && refusals.length === request.projects.length) throw refusals[0];

  const projects = sessions.filter((session): session is OpenStackInventoryProject => session !== null);
  const inventory = projects.length ? await collectOpenStackInventory(ctx, { projects }) : { regions: [], failures: [] };
  return { regions: inventory.regions, failures: [...failures, ...inventory.failures] };
}
