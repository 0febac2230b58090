import type { InventoryPort, InventoryServer, RegionInventory } from "../../providers/contract";
import { inFailedScope } from "../model/failed-scopes";
import { SERVICE_BY_TYPE } from "../model/resource-types";
import type { InventoryCoverage, NetworkInterface, ResourceDraft, SyncFailure } from "../model/unified-resource";
import { normalizeServerStatus } from "../normalize/normalize-status";
import type { BillingGroups, BillingObject } from "./02-group-by-type";
import { billedQuantity } from "./billed-quantity";

export interface InventoryView {
  /** False when the plugin has no inventory or the whole fetch failed: nothing can be called a zombie. */
  collected: boolean;
  regions: RegionInventory[];
}

export function uniqueSorted(values: string[]): string[] {
  return [...new Set(values.filter(Boolean))].sort();
}

/**
 * A server's NICs: its Neutron ports (device_owner compute:*, device_id = server). Without visible ports, the
 * server's own addresses grouped by MAC stand in (Nova gives a floating IP the MAC of the port it is NATed to).
 */
export function networkInterfacesFor(server: InventoryServer, ports: InventoryPort[]): NetworkInterface[] {
  const floatingByMac = new Map<string, string[]>();
  for (const address of server.addresses) {
    if (address.type === "floating" && address.mac) floatingByMac.set(address.mac, [...(floatingByMac.get(address.mac) ?? []), address.ip]);
  }
  const own = ports.filter((port) => port.deviceId === server.id && (port.deviceOwner ?? "").startsWith("compute:"));
  if (own.length > 0) {
    return own
      .map((port) => ({ id: port.id, macAddress: port.macAddress, ipAddresses: uniqueSorted([...port.fixedIps, ...(port.macAddress ? (floatingByMac.get(port.macAddress) ?? []) : [])]) }))
      .sort((a, b) => a.id.localeCompare(b.id));
  }
  const byKey = new Map<string, NetworkInterface>();
  for (const address of server.addresses) {
    const key = address.mac ?? `network:${address.network ?? ""}`;
    const nic = byKey.get(key) ?? { id: null, macAddress: address.mac, ipAddresses: [] };
    nic.ipAddresses = uniqueSorted([...nic.ipAddresses, address.ip]);
    byKey.set(key, nic);
  }
  return [...byKey.values()].sort((a, b) => (a.macAddress ?? "").localeCompare(b.macAddress ?? ""));
}

interface VmInput {
  server?: InventoryServer;
  billing?: BillingObject;
  ports: InventoryPort[];
  coverage: InventoryCoverage;
  groups: BillingGroups;
  projectNames: Record<string, string>;
}

function buildVm({ server, billing, ports, coverage, groups, projectNames }: VmInput): ResourceDraft {
  const id = server?.id ?? billing!.providerResourceId;
  const projectId = server?.projectId ?? billing?.projectId ?? null;
  const zombie = coverage === "missing";
  const networkInterfaces = server ? networkInterfacesFor(server, ports) : [];
  return {
    providerResourceId: id,
    name: server?.name ?? billing?.name ?? id,
    type: "server",
    status: server ? normalizeServerStatus(server.status) : zombie ? "DELETED_BILLED" : "UNKNOWN",
    // The region comes from the inventory (or billing's region with the zone letter dropped), never from the AZ.
    region: server?.region ?? billing?.region ?? null,
    projectId,
    projectName: billing?.projectName ?? (projectId ? (projectNames[projectId] ?? null) : null),
    vcpus: server?.flavor.vcpus ?? billedQuantity(billing, groups.basis, "compute_cores"),
    ramMb: server?.flavor.ramMb ?? billedQuantity(billing, groups.basis, "compute_ram"),
    flavorName: server?.flavor.name ?? null,
    storageGb: 0,
    ipAddresses: uniqueSorted([...(server?.addresses.map((address) => address.ip) ?? []), ...networkInterfaces.flatMap((nic) => nic.ipAddresses)]),
    attachedVolumes: [],
    networkInterfaces,
    flags: { zombie, orphan: false },
    specs: {
      flavorId: server?.flavor.id ?? null,
      localDiskGb: server?.flavor.diskGb ?? null,
      zone: server?.zone ?? null,
      createdAt: server?.createdAt ?? null,
      metadata: server?.metadata ?? {},
      billingType: billing?.billingType ?? null,
      billed: Boolean(billing?.current),
      billedMetrics: billing?.metrics ?? [],
    },
    ...SERVICE_BY_TYPE.server,
    inventory: coverage,
    cost: { kind: groups.basis, minor: billing?.currentMinor ?? 0 },
    daily: billing?.daily ?? [],
    billingIds: billing ? [billing.providerResourceId] : [],
  };
}

/**
 * Phase 3 (pure part): one server resource per billed VM, enriched from the inventory. A VM billed now but absent
 * from an inventory that was read for its scope is a zombie (DELETED_BILLED). Servers the inventory shows but
 * billing does not (just created, free) are kept with zero cost. VMs neither billed now nor in the inventory were
 * deleted earlier in the window: they are not resources any more, only their daily costs remain.
 */
export function combineVmResources(groups: BillingGroups, inventory: InventoryView, failures: SyncFailure[], projectNames: Record<string, string>): ResourceDraft[] {
  const servers = new Map(inventory.regions.flatMap((region) => region.servers).map((server) => [server.id, server]));
  // Each server only needs the ports whose device it is; grouping once keeps this linear in servers + ports.
  const portsByDevice = new Map<string, InventoryPort[]>();
  for (const port of inventory.regions.flatMap((region) => region.ports)) {
    if (!port.deviceId) continue;
    const own = portsByDevice.get(port.deviceId);
    if (own) own.push(port);
    else portsByDevice.set(port.deviceId, [port]);
  }
  const portsOf = (server: InventoryServer) => portsByDevice.get(server.id) ?? [];
  const vms: ResourceDraft[] = [];
  const billedIds = new Set<string>();

  for (const billing of groups.objects) {
    if (billing.type !== "server") continue;
    billedIds.add(billing.providerResourceId);
    const server = servers.get(billing.providerResourceId);
    if (server) {
      vms.push(buildVm({ server, billing, ports: portsOf(server), coverage: "found", groups, projectNames }));
      continue;
    }
    if (!billing.current) continue;
    const coverage: InventoryCoverage = !inventory.collected
      ? "not_collected"
      : inFailedScope(failures, billing.projectId, billing.region)
        ? "scope_failed"
        : "missing";
    vms.push(buildVm({ billing, ports: [], coverage, groups, projectNames }));
  }
  for (const server of servers.values()) {
    if (!billedIds.has(server.id)) vms.push(buildVm({ server, ports: portsOf(server), coverage: "found", groups, projectNames }));
  }
  return vms;
}
