import { beforeEach } from "vitest";
import { db } from "@/server/db";
import { encryptCredentials } from "@/server/security/credentials-cipher";
import { syncConnection, type SyncStep } from "@/server/sync/run-billing-first-sync";
import { account, address, billingSnapshot, fakePlugin, inventory, port, server, vmWithBootVolume, volume, type FakeProviderState, type ObjectSpec } from "../../unit/sync/fixtures/contract-data";
import { createUserWithOrganization } from "../helpers/test-callers";
import { truncateAllTables } from "../setup/worker-database";

export const UNKNOWN: ObjectSpec = { id: "x-1", type: "managed_clickhouse", name: "analytics", metrics: [{ metric: "clickhouse_node_hours", hourly: 1000 }] };

/** Two VMs with boot volumes in one project, one NIC port, one billing object of an unknown type. */
export function baseState(): FakeProviderState {
  return {
    account: account(),
    billing: billingSnapshot([...vmWithBootVolume("vm-1", "web-1", 200, 24), ...vmWithBootVolume("vm-2", "web-2", 300, 24), UNKNOWN]),
    inventory: inventory({
      servers: [server({ id: "vm-1", name: "web-1", addresses: [address("10.0.0.5", "fa:16:3e:00:00:01")] }), server({ id: "vm-2", name: "web-2" })],
      volumes: [
        volume({ id: "vm-1-boot", name: "disk-for-web-1-#1", sizeGb: 20, bootable: true, attachments: [{ serverId: "vm-1", device: "/dev/vda" }] }),
        volume({ id: "vm-2-boot", name: "disk-for-web-2-#1", sizeGb: 20, bootable: true, attachments: [{ serverId: "vm-2", device: "/dev/vda" }] }),
      ],
      ports: [port({ id: "port-1", deviceId: "vm-1", macAddress: "fa:16:3e:00:00:01", fixedIps: ["10.0.0.5"] })],
    }),
    calls: [],
  };
}

/** Per test: an empty database, an organization with one connection to the fake provider, fresh provider state. */
export const h = { state: baseState(), connectionId: "", hour: 0 };

export function resetBeforeEachTest() {
  beforeEach(async () => {
    await truncateAllTables();
    const { organization } = await createUserWithOrganization();
    const { encrypted, keyId } = encryptCredentials({ token: "fake-token-123" });
    const connection = await db.cloudConnection.create({ data: { organizationId: organization.id, providerId: "fake", name: "prod", encryptedCredentials: encrypted, credentialsKeyId: keyId } });
    h.connectionId = connection.id;
    h.state = baseState();
    h.hour = 0;
  });
}

/** One sync an hour later than the previous one (12:30, 13:30, … on 2025-10-04). */
export async function sync(step?: SyncStep) {
  h.hour += 1;
  const now = new Date(Date.UTC(2025, 9, 4, 11 + h.hour, 30));
  return syncConnection({ connectionId: h.connectionId, plugin: fakePlugin(h.state), step, contextOverrides: { now: () => now } });
}

export async function statesOf(syncRunId: string) {
  const states = await db.resourceState.findMany({ where: { syncRunId }, include: { resource: { select: { providerResourceId: true } } } });
  return Object.fromEntries(states.map((state) => [state.resource.providerResourceId, state]));
}
