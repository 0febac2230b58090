import type { InventorySnapshot, ProviderContext, RegionInventory } from "../../contract";
import { isProviderError } from "../../errors";
import { mapWithConcurrency } from "../http/semaphore";
import type { KeystoneCatalog } from "./keystone-catalog";
import { catalogRegions } from "./keystone-catalog";
import { listPorts } from "./list-ports";
import type { ListServersOptions } from "./list-servers";
import { listServers } from "./list-servers";
import { listVolumes } from "./list-volumes";
import type { OpenStackProjectScope } from "./openstack-scope";
import { SERVICE_TYPES, findServiceUrl } from "./openstack-scope";

export interface OpenStackInventoryProject {
  id: string;
  name: string | null;
  /** Project-scoped token and its catalog. */
  token: string;
  catalog: KeystoneCatalog;
}

export interface CollectOpenStackInventoryOptions {
  projects: OpenStackInventoryProject[];
  /** Only these regions; default every region of each project's catalog that has compute, volume or network. */
  regions?: string[];
  servers?: ListServersOptions;
  pageSize?: number;
}

const INVENTORY_TYPES = [...SERVICE_TYPES.compute, ...SERVICE_TYPES.volume, ...SERVICE_TYPES.network];

async function collectScope(ctx: ProviderContext, scope: OpenStackProjectScope, options: CollectOpenStackInventoryOptions): Promise<RegionInventory> {
  ctx.signal?.throwIfAborted();
  const has = (service: "compute" | "volume" | "network") => findServiceUrl(scope, service) !== null;
  if (!has("compute") && !has("volume") && !has("network")) {
    throw new Error(`no compute, volume or network endpoint in region ${scope.region}`);
  }
  // A region may lack a service (no Cinder there): that part is empty, not a failure.
  const [servers, volumes, ports] = await Promise.all([
    has("compute") ? listServers(ctx, scope, { pageSize: options.pageSize, ...options.servers }) : [],
    has("volume") ? listVolumes(ctx, scope, { pageSize: options.pageSize }) : [],
    has("network") ? listPorts(ctx, scope, { pageSize: options.pageSize }) : [],
  ]);
  return { projectId: scope.projectId, region: scope.region, servers, volumes, ports };
}

/**
 * Servers, volumes and ports of every project × region, at most ctx.concurrency scopes in flight and the three
 * services of a scope in parallel. A scope that fails is recorded in `failures` so the sync can end partial;
 * an auth failure is the whole connection's problem and is thrown.
 */
export async function collectOpenStackInventory(ctx: ProviderContext, options: CollectOpenStackInventoryOptions): Promise<InventorySnapshot> {
  const scopes: OpenStackProjectScope[] = options.projects.flatMap((project) =>
    (options.regions ?? catalogRegions(project.catalog, INVENTORY_TYPES)).map((region) => ({
      token: project.token,
      projectId: project.id,
      region,
      catalog: project.catalog,
    })),
  );
  const snapshot: InventorySnapshot = { regions: [], failures: [] };
  const results = await mapWithConcurrency(scopes, ctx.concurrency, async (scope) => {
    try {
      return await collectScope(ctx, scope, options);
    } catch (error) {
      if (isProviderError(error) && error.kind === "auth") throw error;
      if (ctx.signal?.aborted) throw error;
      const message = error instanceof Error ? error.message : String(error);
      ctx.log.warn({ projectId: scope.projectId, region: scope.region, error: message }, "inventory scope failed");
      snapshot.failures.push({ projectId: scope.projectId, region: scope.region, error: message });
      return null;
    }
  });
  snapshot.regions = results.filter((result): result is RegionInventory => result !== null);
  return snapshot;
}
