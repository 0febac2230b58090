import type { InventoryPort, ProviderContext } from "../../contract";
import type { OpenStackProjectScope } from "./openstack-scope";
import { serviceUrl } from "./openstack-scope";
import { paginateOpenStackList } from "./paginate-openstack-list";

interface NeutronPort {
  id: string;
  project_id?: string;
  tenant_id?: string;
  network_id?: string;
  device_id?: string;
  device_owner?: string;
  mac_address?: string;
  fixed_ips?: { ip_address?: string }[];
}

/** A VM NIC: Nova creates its ports with device_owner "compute:<availability zone>" and device_id = server id. */
export function isComputePort(port: Pick<InventoryPort, "deviceOwner" | "deviceId">): boolean {
  return Boolean(port.deviceId) && (port.deviceOwner?.startsWith("compute:") ?? false);
}

/** GET /v2.0/ports of one project in one region, every page, mapped to the contract. */
export async function listPorts(ctx: ProviderContext, scope: OpenStackProjectScope, options: { pageSize?: number } = {}): Promise<InventoryPort[]> {
  const networkUrl = serviceUrl(ctx, scope, "network");
  const ports = await paginateOpenStackList<NeutronPort>(ctx, {
    url: `${networkUrl}/ports`,
    collection: "ports",
    token: scope.token,
    service: "neutron",
    pageSize: options.pageSize,
  });
  return ports.map((port) => ({
    id: port.id,
    projectId: port.project_id || port.tenant_id || scope.projectId,
    region: scope.region,
    networkId: port.network_id ?? null,
    deviceId: port.device_id || null,
    deviceOwner: port.device_owner || null,
    macAddress: port.mac_address ?? null,
    fixedIps: (port.fixed_ips ?? []).map((ip) => ip.ip_address).filter((ip): ip is string => typeof ip === "string"),
  }));
}
