import type { InventoryAddress, InventoryServer, ProviderContext } from "../../contract";
import { isProviderError } from "../../errors";
import type { OpenStackProjectScope } from "./openstack-scope";
import { serviceUrl } from "./openstack-scope";
import { paginateOpenStackList } from "./paginate-openstack-list";
import type { NovaServerFlavor } from "./resolve-nova-flavor";
import { resolveNovaFlavor } from "./resolve-nova-flavor";

interface NovaAddress {
  addr: string;
  version?: number;
  "OS-EXT-IPS:type"?: string;
  "OS-EXT-IPS-MAC:mac_addr"?: string;
}

interface NovaServer {
  id: string;
  name?: string;
  status?: string;
  tenant_id?: string;
  created?: string;
  metadata?: Record<string, unknown>;
  flavor?: NovaServerFlavor;
  addresses?: Record<string, NovaAddress[]>;
  "OS-EXT-AZ:availability_zone"?: string;
  "os-extended-volumes:volumes_attached"?: { id: string }[];
}

export interface ListServersOptions {
  /** Compute microversion to ask for; default 2.47 (flavor embedded, no extra calls). */
  microversion?: string;
  pageSize?: number;
}

/** The microversion every Nova since Pike (2017) speaks; used when the requested one is refused. */
const BASE_MICROVERSION = "2.1";

function mapAddresses(addresses: NovaServer["addresses"]): InventoryAddress[] {
  return Object.entries(addresses ?? {}).flatMap(([network, entries]) =>
    entries.map((entry) => ({
      ip: entry.addr,
      version: entry.version === 6 || entry.addr.includes(":") ? (6 as const) : (4 as const),
      type: entry["OS-EXT-IPS:type"] === "floating" ? ("floating" as const) : ("fixed" as const),
      mac: entry["OS-EXT-IPS-MAC:mac_addr"] ?? null,
      network,
    })),
  );
}

function stringMetadata(metadata: NovaServer["metadata"]): Record<string, string> {
  return Object.fromEntries(Object.entries(metadata ?? {}).map(([key, value]) => [key, typeof value === "string" ? value : JSON.stringify(value)]));
}

async function fetchServers(ctx: ProviderContext, scope: OpenStackProjectScope, computeUrl: string, microversion: string, pageSize?: number) {
  return paginateOpenStackList<NovaServer>(ctx, {
    url: `${computeUrl}/servers/detail`,
    collection: "servers",
    token: scope.token,
    service: "nova",
    headers: { "openstack-api-version": `compute ${microversion}`, "x-openstack-nova-api-version": microversion },
    pageSize,
  });
}

/** GET /servers/detail of one project in one region, every page, mapped to the contract with flavors resolved. */
export async function listServers(ctx: ProviderContext, scope: OpenStackProjectScope, options: ListServersOptions = {}): Promise<InventoryServer[]> {
  const computeUrl = serviceUrl(ctx, scope, "compute");
  const microversion = options.microversion ?? "2.47";
  let servers: NovaServer[];
  try {
    servers = await fetchServers(ctx, scope, computeUrl, microversion, options.pageSize);
  } catch (error) {
    // 406: this Nova is older than the microversion we asked for; the base version always works.
    if (!isProviderError(error) || error.status !== 406 || microversion === BASE_MICROVERSION) throw error;
    servers = await fetchServers(ctx, scope, computeUrl, BASE_MICROVERSION, options.pageSize);
  }
  const flavorScope = { computeUrl, region: scope.region, token: scope.token };
  return Promise.all(
    servers.map(async (server) => ({
      id: server.id,
      name: server.name ?? "",
      status: server.status ?? "UNKNOWN",
      projectId: server.tenant_id ?? scope.projectId,
      region: scope.region,
      zone: server["OS-EXT-AZ:availability_zone"] || null,
      flavor: await resolveNovaFlavor(ctx, flavorScope, server.flavor),
      addresses: mapAddresses(server.addresses),
      volumeIds: (server["os-extended-volumes:volumes_attached"] ?? []).map((volume) => volume.id),
      createdAt: server.created ?? null,
      metadata: stringMetadata(server.metadata),
    })),
  );
}
