import type { OpenStackSandboxContext } from "./openstack-sandbox-context";
import { stableUuid } from "./stable-id";

export interface NeutronPort {
  id: string;
  name: string;
  network_id: string;
  tenant_id: string;
  project_id: string;
  mac_address: string;
  admin_state_up: boolean;
  status: string;
  device_id: string;
  device_owner: string;
  fixed_ips: { subnet_id: string; ip_address: string }[];
  allowed_address_pairs: never[];
  security_groups: string[];
  "binding:vnic_type": string;
  created_at: string;
  updated_at: string;
  revision_number: number;
  tags: string[];
  description: string;
}

/** One subnet per scenario network and IP family is enough for the wire format. */
function subnetOf(networkId: string, ip: string): string {
  return stableUuid(`subnet:${networkId}:${ip.includes(":") ? 6 : 4}`);
}

/** The ports of a project in a region: every VM NIC (`compute:<zone>`, device_id = server) plus the infrastructure ports. */
export function neutronPorts(sandbox: OpenStackSandboxContext, projectId: string, region: string): NeutronPort[] {
  const { scenario } = sandbox;
  const common = (id: string, createdAt: string) => ({
    id,
    name: "",
    tenant_id: projectId,
    project_id: projectId,
    admin_state_up: true,
    allowed_address_pairs: [],
    "binding:vnic_type": "normal",
    created_at: createdAt,
    updated_at: createdAt,
    revision_number: 1,
    tags: [],
    description: "",
  });
  const nics = scenario.servers
    .filter((server) => server.projectId === projectId && server.region === region)
    .flatMap((server) =>
      server.nics.map((nic) => ({
        ...common(nic.portId, server.createdAt),
        network_id: nic.networkId,
        mac_address: nic.mac,
        // OVS reports the port down while its VM is off.
        status: server.status === "SHUTOFF" ? "DOWN" : "ACTIVE",
        device_id: server.id,
        device_owner: `compute:${server.zone}`,
        fixed_ips: [{ subnet_id: subnetOf(nic.networkId, nic.ip), ip_address: nic.ip }],
        security_groups: [stableUuid(`security-group:${projectId}:default`)],
      })),
    );
  const infra = (scenario.infraPorts ?? [])
    .filter((port) => port.projectId === projectId && port.region === region)
    .map((port) => ({
      ...common(port.id, "2024-01-01T00:00:00Z"),
      network_id: port.networkId,
      mac_address: port.mac,
      status: "ACTIVE",
      device_id: port.deviceId,
      device_owner: port.deviceOwner,
      fixed_ips: [{ subnet_id: subnetOf(port.networkId, port.ip), ip_address: port.ip }],
      security_groups: [],
    }));
  // Neutron's native pagination sorts by id.
  return [...nics, ...infra].sort((a, b) => a.id.localeCompare(b.id));
}
