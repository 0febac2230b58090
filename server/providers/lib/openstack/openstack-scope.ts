import type { ProviderContext } from "../../contract";
import { ProviderError } from "../../errors";
import type { EndpointInterface, KeystoneCatalog } from "./keystone-catalog";
import { catalogEndpoint } from "./keystone-catalog";

/** One project in one region, with the project-scoped token and catalog that reach it. */
export interface OpenStackProjectScope {
  token: string;
  projectId: string;
  region: string;
  catalog: KeystoneCatalog;
  /** Catalog interface to use; default "public". */
  iface?: EndpointInterface;
}

export type OpenStackService = "compute" | "volume" | "network";

/** Catalog types per service, in order of preference (Cinder registers as volumev3 or, newer, block-storage). */
export const SERVICE_TYPES: Record<OpenStackService, readonly string[]> = {
  compute: ["compute"],
  volume: ["volumev3", "block-storage"],
  network: ["network"],
};

export function findServiceUrl(scope: OpenStackProjectScope, service: OpenStackService): string | null {
  for (const type of SERVICE_TYPES[service]) {
    const url = catalogEndpoint(scope.catalog, type, scope.region, scope.iface ?? "public");
    if (!url) continue;
    // Neutron's catalog URL is usually unversioned.
    if (service === "network" && !/\/v2\.0$/.test(url)) return `${url}/v2.0`;
    return url;
  }
  return null;
}

export function serviceUrl(ctx: ProviderContext, scope: OpenStackProjectScope, service: OpenStackService): string {
  const url = findServiceUrl(scope, service);
  if (url) return url;
  throw new ProviderError(`${ctx.providerId}: the catalog of project ${scope.projectId} has no ${service} endpoint in region ${scope.region}`, {
    provider: ctx.providerId,
    kind: "config",
    service,
  });
}
