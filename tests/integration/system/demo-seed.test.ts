import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { decryptCredentials } from "@/server/security/credentials-cipher";
import { DEMO_CONNECTION_NAME, DEMO_USER_EMAIL, seedDemoOrganization } from "@/server/services/demo/seed-demo-organization";
import { signInAsDemoUser } from "@/server/services/demo/sign-in-as-demo-user";

describe("demo tenant", () => {
  it("is unavailable until seeded, then one-click login lands in the demo organization", async () => {
    expect(await signInAsDemoUser(db, { ip: null, userAgent: null })).toEqual({ ok: false, reason: "demoUnavailable" });
    const first = await seedDemoOrganization(db, { appUrl: "http://demo.example.test:3000/" });
    const second = await seedDemoOrganization(db, { appUrl: "http://demo.example.test:3000" });
    expect(first.created).toBe(true);
    expect(first.firstSync?.status).toBe("success");
    // Idempotent: nothing new, and no second sync once the first one succeeded.
    expect(second).toEqual({ ...first, created: false, firstSync: null });
    const login = await signInAsDemoUser(db, { ip: "192.0.2.1", userAgent: "test" });
    expect(login).toEqual({ ok: true, userId: first.userId });
    const user = await db.user.findUniqueOrThrow({ where: { email: DEMO_USER_EMAIL }, include: { memberships: { include: { organization: true } } } });
    expect(user.passwordHash).toBeNull();
    expect(user.memberships.map((membership) => [membership.role, membership.organization.isDemo])).toEqual([["owner", true]]);
  });

  it("has a Selectel connection served by the app's own sandbox, synced once at seed time", async () => {
    const { organizationId, connectionId, firstSync } = await seedDemoOrganization(db, { appUrl: "http://demo.example.test:3000" });
    expect(firstSync).toBeNull();
    expect(await db.auditLog.count({ where: { action: "connection.update" } })).toBe(0);
    const connections = await db.cloudConnection.findMany({ where: { organizationId } });
    expect(connections.map((connection) => [connection.id, connection.name, connection.providerId, connection.status])).toEqual([[connectionId, DEMO_CONNECTION_NAME, "selectel", "active"]]);
    const connection = connections[0]!;
    // The stored endpoints point at the app, not at the loopback sandbox the seed used for its first sync.
    expect(connection.endpointOverrides).toEqual({
      identity: "http://demo.example.test:3000/api/sandbox/selectel/identity/v3",
      api: "http://demo.example.test:3000/api/sandbox/selectel",
      openstack: "http://demo.example.test:3000/api/sandbox/selectel/{region}",
    });
    expect(decryptCredentials(connection.encryptedCredentials)).toEqual({ accountId: "204060", serviceUserName: "svc-finops", serviceUserPassword: "Multi-Finops-Passw0rd" });
    expect(connection.accountId).toBe("204060");
    expect(connection.balance?.toFixed(2)).toBe("9876543.21");
    const runs = await db.syncRun.findMany({ where: { connectionId } });
    expect(runs.map((run) => [run.trigger, run.status])).toEqual([["seed", "success"]]);
    expect(runs[0]!.phases).toHaveLength(8);
    expect(await db.resource.count({ where: { connectionId, isActive: true, resourceType: "server" } })).toBeGreaterThan(0);
  });

  it("follows the app to a new address without syncing again", async () => {
    const moved = await seedDemoOrganization(db, { appUrl: "https://finops.example.ru" });
    expect(moved.firstSync).toBeNull();
    const connection = await db.cloudConnection.findUniqueOrThrow({ where: { id: moved.connectionId } });
    expect(connection.endpointOverrides).toMatchObject({ api: "https://finops.example.ru/api/sandbox/selectel" });
    expect(await db.syncRun.count({ where: { connectionId: moved.connectionId } })).toBe(1);
  });
});
