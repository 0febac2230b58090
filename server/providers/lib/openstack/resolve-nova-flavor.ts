import type { InventoryServer, ProviderContext } from "../../contract";

export type InventoryFlavor = InventoryServer["flavor"];

/** `server.flavor`: below 2.47 `{id, links}`, from 2.47 embedded `{vcpus, ram, disk, original_name, …}` with no id. */
export interface NovaServerFlavor {
  id?: string;
  links?: unknown;
  vcpus?: number;
  ram?: number;
  disk?: number;
  original_name?: string;
}

interface NovaFlavor {
  id: string;
  name?: string;
  vcpus?: number;
  ram?: number;
  disk?: number;
}

function numberOrNull(value: unknown): number | null {
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

/** GET /flavors/{id}, cached per region; a flavor that is gone (404) is cached as unknown rather than failing the listing. */
async function loadFlavor(ctx: ProviderContext, computeUrl: string, region: string, token: string, id: string): Promise<InventoryFlavor> {
  return ctx.cache.getOrLoad(`openstack:flavor:${region}:${computeUrl}:${id}`, async () => {
    const response = await ctx.http.request<{ flavor?: NovaFlavor }>({
      url: `${computeUrl}/flavors/${encodeURIComponent(id)}`,
      headers: { "x-auth-token": token },
      service: "nova",
      acceptStatus: [404],
    });
    const flavor = response.status === 404 ? undefined : response.data?.flavor;
    return {
      id,
      name: flavor?.name ?? null,
      vcpus: numberOrNull(flavor?.vcpus),
      ramMb: numberOrNull(flavor?.ram),
      diskGb: numberOrNull(flavor?.disk),
    };
  });
}

/**
 * The flavor of a server in both shapes: embedded (2.47+) is read as is, with `original_name` as the name
 * and no id; a reference ({id}) is resolved through the flavor API.
 */
export async function resolveNovaFlavor(
  ctx: ProviderContext,
  scope: { computeUrl: string; region: string; token: string },
  flavor: NovaServerFlavor | undefined,
): Promise<InventoryFlavor> {
  if (!flavor) return { id: null, name: null, vcpus: null, ramMb: null, diskGb: null };
  if (typeof flavor.vcpus !== "number" && typeof flavor.id === "string") {
    return loadFlavor(ctx, scope.computeUrl, scope.region, scope.token, flavor.id);
  }
  return {
    id: flavor.id ?? null,
    name: flavor.original_name ?? null,
    vcpus: numberOrNull(flavor.vcpus),
    ramMb: numberOrNull(flavor.ram),
    diskGb: numberOrNull(flavor.disk),
  };
}
