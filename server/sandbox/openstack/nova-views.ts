import type { ScenarioFlavor, ScenarioServer, ScenarioVolume } from "../scenario";
import type { OpenStackSandboxContext } from "./openstack-sandbox-context";
import { stableHex, stableUuid } from "./stable-id";

function link(href: string, rel: string) {
  return { href, rel };
}

export function flavorView(computeBase: string, flavor: ScenarioFlavor, minor: number) {
  return {
    id: flavor.id,
    name: flavor.name,
    ram: flavor.ramMb,
    vcpus: flavor.vcpus,
    disk: flavor.diskGb,
    "OS-FLV-EXT-DATA:ephemeral": 0,
    "OS-FLV-DISABLED:disabled": false,
    "os-flavor-access:is_public": true,
    // Before 2.75 an absent swap is the empty string; from 2.75 it is 0.
    swap: minor >= 75 ? 0 : "",
    rxtx_factor: 1.0,
    ...(minor >= 55 ? { description: null } : {}),
    ...(minor >= 61 ? { extra_specs: {} } : {}),
    links: [link(`${computeBase}/flavors/${flavor.id}`, "self"), link(`${computeBase}/flavors/${flavor.id}`, "bookmark")],
  };
}

/** Below 2.47 a server names its flavor by id; from 2.47 the flavor is embedded and has no id. */
function serverFlavor(computeBase: string, flavor: ScenarioFlavor | undefined, flavorId: string, minor: number) {
  if (minor < 47 || !flavor) return { id: flavorId, links: [link(`${computeBase}/flavors/${flavorId}`, "bookmark")] };
  return { vcpus: flavor.vcpus, ram: flavor.ramMb, disk: flavor.diskGb, ephemeral: 0, swap: 0, original_name: flavor.name, extra_specs: {} };
}

function addresses(server: ScenarioServer) {
  const byNetwork: Record<string, Record<string, unknown>[]> = {};
  for (const nic of server.nics) {
    const entries = (byNetwork[nic.networkName] ??= []);
    const version = nic.ip.includes(":") ? 6 : 4;
    entries.push({ addr: nic.ip, version, "OS-EXT-IPS:type": "fixed", "OS-EXT-IPS-MAC:mac_addr": nic.mac });
    if (nic.floatingIp) entries.push({ addr: nic.floatingIp, version: 4, "OS-EXT-IPS:type": "floating", "OS-EXT-IPS-MAC:mac_addr": nic.mac });
  }
  return byNetwork;
}

/** Volumes by the server they are attached to: one pass over the volumes instead of a scan of all of them per server. */
export function volumesByServer(volumes: readonly ScenarioVolume[]): Map<string, ScenarioVolume[]> {
  const byServer = new Map<string, ScenarioVolume[]>();
  for (const volume of volumes) {
    const serverId = volume.attachment?.serverId;
    if (!serverId) continue;
    const attached = byServer.get(serverId);
    if (attached) attached.push(volume);
    else byServer.set(serverId, [volume]);
  }
  return byServer;
}

const POWER_STATES: Record<string, number> = { ACTIVE: 1, SHUTOFF: 4, PAUSED: 3, SUSPENDED: 7 };

export function serverView(
  sandbox: OpenStackSandboxContext,
  computeBase: string,
  server: ScenarioServer,
  minor: number,
  attached: ReadonlyMap<string, readonly ScenarioVolume[]> = volumesByServer(sandbox.scenario.volumes),
) {
  const flavor = sandbox.scenario.flavors.find((candidate) => candidate.id === server.flavorId);
  const volumes = attached.get(server.id) ?? [];
  const bootFromVolume = volumes.some((volume) => volume.bootable);
  const imageId = stableUuid(`image:${server.flavorId}`);
  return {
    id: server.id,
    name: server.name,
    status: server.status,
    tenant_id: server.projectId,
    user_id: stableHex(`user-of:${server.projectId}`),
    metadata: server.metadata ?? {},
    hostId: stableHex(`host:${server.projectId}:${server.zone}`, 56),
    // Servers booted from a volume have no image.
    image: bootFromVolume ? "" : { id: imageId, links: [link(`${computeBase}/images/${imageId}`, "bookmark")] },
    flavor: serverFlavor(computeBase, flavor, server.flavorId, minor),
    created: server.createdAt,
    updated: server.createdAt,
    addresses: addresses(server),
    accessIPv4: "",
    accessIPv6: "",
    links: [link(`${computeBase}/servers/${server.id}`, "self"), link(`${computeBase}/servers/${server.id}`, "bookmark")],
    key_name: null,
    progress: 0,
    "OS-DCF:diskConfig": "MANUAL",
    "OS-EXT-AZ:availability_zone": server.zone,
    "OS-EXT-STS:power_state": POWER_STATES[server.status] ?? 0,
    "OS-EXT-STS:task_state": null,
    "OS-EXT-STS:vm_state": server.status.toLowerCase() === "shutoff" ? "stopped" : server.status.toLowerCase(),
    "OS-SRV-USG:launched_at": server.createdAt.replace(/Z$/, ""),
    "OS-SRV-USG:terminated_at": null,
    "os-extended-volumes:volumes_attached": volumes.map((volume) => (minor >= 3 ? { id: volume.id, delete_on_termination: false } : { id: volume.id })),
    security_groups: [{ name: "default" }],
    config_drive: "",
    ...(minor >= 9 ? { locked: false } : {}),
    ...(minor >= 19 ? { description: null } : {}),
    ...(minor >= 26 ? { tags: [] } : {}),
  };
}
