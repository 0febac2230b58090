import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, Prisma } from "@/server/db";
import { SandboxState, withFaults } from "@/server/sandbox/http/sandbox-faults";
import { startSandboxServer, type RunningSandbox } from "@/server/sandbox/http/start-sandbox-server";
import { getSandbox } from "@/server/sandbox/registry";
import { openstackBasicScenario } from "@/server/sandbox/scenarios/openstack-basic";
import { encryptCredentials } from "@/server/security/credentials-cipher";
import { syncConnection } from "@/server/sync/run-billing-first-sync";
import { createUserWithOrganization } from "../helpers/test-callers";

// Plain OpenStack has no billing API: the same phases run on charges priced from the connection's rate card.
const NOW = new Date("2025-10-05T10:30:00Z");
let sandbox: RunningSandbox;

beforeAll(async () => {
  const definition = getSandbox("openstack");
  sandbox = await startSandboxServer(withFaults(definition.create(openstackBasicScenario, { now: () => NOW }), new SandboxState(), definition.regionOf));
});
afterAll(() => sandbox.close());

describe("generic OpenStack sync against the sandbox", () => {
  it("prices servers and volumes from the rate card and merges attached volumes into their VMs", async () => {
    const config = getSandbox("openstack").connection(openstackBasicScenario, sandbox.url);
    const { organization } = await createUserWithOrganization();
    const { encrypted, keyId } = encryptCredentials(config.credentials);
    const connection = await db.cloudConnection.create({
      data: { organizationId: organization.id, providerId: "openstack", name: "private cloud", encryptedCredentials: encrypted, credentialsKeyId: keyId, settings: config.settings as Prisma.InputJsonObject },
    });
    const result = await syncConnection({ connectionId: connection.id, contextOverrides: { now: () => NOW } });
    expect(result.status).toBe("success");

    const resources = await db.resource.findMany({ where: { connectionId: connection.id, isActive: true } });
    const servers = resources.filter((resource) => resource.resourceType === "server");
    // The finops user reaches the production project only: web-1, web-2, db-1, legacy-worker, backup-1.
    expect(servers.map((server) => server.name).sort()).toEqual(["backup-1", "db-1", "legacy-worker", "web-1", "web-2"]);
    expect(resources.some((resource) => resource.name === "stage-app")).toBe(false);
    const db1 = servers.find((server) => server.name === "db-1")!;
    expect(db1.specs).toMatchObject({ storageGb: 240 });
    // m1.large 4800.00 ₽/month → 667 kopecks/h (666.67 half-up); 40 GB ssd at 12.5 → 69 (69.44); 200 GB hdd at 3.6 → 100.
    expect(db1.hourlyCost.toFixed(2)).toBe("8.36");
    const orphans = resources.filter((resource) => resource.isOrphan).map((resource) => resource.name).sort();
    expect(orphans).toEqual(["backup-archive", "old-export"]);
    expect(resources.filter((resource) => resource.resourceType === "volume" && !resource.isOrphan)).toEqual([]);
  });
});
