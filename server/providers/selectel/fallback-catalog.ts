import type { KeystoneCatalog } from "../lib/openstack/keystone-catalog";
import { catalogRegions } from "../lib/openstack/keystone-catalog";
import { accountHeaders } from "./account-auth";
import type { SelectelContext } from "./selectel-credentials";

/** Public pools to try when neither a catalog nor the account's capabilities say which exist. */
export const FALLBACK_REGIONS = ["ru-1", "ru-2", "ru-3", "ru-4", "ru-5", "ru-6", "ru-7", "ru-8", "ru-9", "kz-1"] as const;

/**
 * Regions of the account: resell v2 capabilities (what the account may use), else the fallback list. Only
 * needed when a token came without a catalog (resell token exchange), so it is asked once per context.
 */
export async function accountRegions(ctx: SelectelContext): Promise<string[]> {
  return ctx.cache.getOrLoad(`selectel:regions:${ctx.endpoints.api}`, async () => {
    try {
      const body = await ctx.http.json<{ capabilities?: { regions?: { name?: string }[] } }>({
        url: `${ctx.endpoints.api}/vpc/resell/v2/capabilities`,
        headers: await accountHeaders(ctx),
        service: "resell",
      });
      const names = (body?.capabilities?.regions ?? []).map((region) => region.name).filter((name): name is string => typeof name === "string" && name.length > 0);
      if (names.length) return names;
    } catch (error) {
      ctx.log.warn({ error: error instanceof Error ? error.message : String(error) }, "selectel capabilities unavailable, trying the fallback region list");
    }
    return [...FALLBACK_REGIONS];
  });
}

/**
 * A catalog in Keystone's shape built from the `openstack` endpoint pattern (https://{region}.cloud.api.selcloud.ru),
 * with Selectel's service paths, so the generic OpenStack inventory can run unchanged.
 */
export function catalogFromPattern(pattern: string, regions: readonly string[], projectId: string): KeystoneCatalog {
  const services = [
    { type: "compute", path: "/compute/v2.1" },
    { type: "volumev3", path: `/volume/v3/${projectId}` },
    { type: "network", path: "/network" },
    // Gnocchi: https://{pool}.cloud.api.selcloud.ru/metric/v1/aggregates
    { type: "metric", path: "/metric" },
  ];
  return services.map(({ type, path }) => ({
    type,
    endpoints: regions.map((region) => ({ interface: "public", region, region_id: region, url: `${pattern.split("{region}").join(region)}${path}` })),
  }));
}

/**
 * The catalog with a "metric" service added from the `openstack` pattern for each of its compute regions, when the
 * token's catalog lists none: Selectel's Gnocchi lives at every pool's /metric (where the panel itself calls it)
 * whether or not Keystone advertises it.
 */
export function withMetricService(catalog: KeystoneCatalog, pattern: string, projectId: string): KeystoneCatalog {
  if (catalog.some((entry) => entry.type === "metric")) return catalog;
  const regions = catalogRegions(catalog, ["compute"]);
  if (regions.length === 0) return catalog;
  return [...catalog, ...catalogFromPattern(pattern, regions, projectId).filter((entry) => entry.type === "metric")];
}
