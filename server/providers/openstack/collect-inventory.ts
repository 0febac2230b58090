import type { InventoryRequest, InventorySnapshot, ProviderContext } from "../contract";
import { collectOpenStackInventory } from "../lib/openstack";
import { openProjectSession } from "./openstack-session";

/** Billing and inventory of one sync run both need the inventory: share one read for this long. */
const SHARED_READ_TTL_MS = 60_000;

/** Every region of the connection's project. The request's projects are ignored: a connection is one project. */
export async function collectInventory(ctx: ProviderContext, _request?: InventoryRequest): Promise<InventorySnapshot> {
  const session = await openProjectSession(ctx);
  return ctx.cache.getOrLoad(
    `openstack:inventory:${session.projectId}`,
    () => collectOpenStackInventory(ctx, { projects: [{ id: session.projectId, name: session.projectName, token: session.token, catalog: session.catalog }] }),
    SHARED_READ_TTL_MS,
  );
}
