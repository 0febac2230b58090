import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { decryptCredentials } from "@/server/security/credentials-cipher";
import { reseedDemoOrganization } from "@/server/services/demo/reseed-demo-organization";
import { DEMO_CONNECTIONS, DEMO_HISTORY_DAYS, DEMO_USER_EMAIL, seedDemoOrganization } from "@/server/services/demo/seed-demo-organization";
import { signInAsDemoUser } from "@/server/services/demo/sign-in-as-demo-user";

const NAMES = DEMO_CONNECTIONS.map((connection) => connection.name);

describe("demo tenant", () => {
  it("is unavailable until seeded, then one-click login lands in the demo organization", async () => {
    expect(await signInAsDemoUser(db, { ip: null, userAgent: null })).toEqual({ ok: false, reason: "demoUnavailable" });
    const first = await seedDemoOrganization(db, { appUrl: "http://demo.example.test:3000/" });
    const second = await seedDemoOrganization(db, { appUrl: "http://demo.example.test:3000" });
    expect(first.created).toBe(true);
    expect(first.connections.map((connection) => [connection.name, connection.firstSync?.status])).toEqual([
      [NAMES[0], "success"],
      [NAMES[1], "success"],
    ]);
    // Idempotent: nothing new, and no second sync once the first one succeeded.
    expect(second).toEqual({ ...first, created: false, connections: first.connections.map((connection) => ({ ...connection, firstSync: null })) });
    const login = await signInAsDemoUser(db, { ip: "192.0.2.1", userAgent: "test" });
    expect(login).toEqual({ ok: true, userId: first.userId });
    const user = await db.user.findUniqueOrThrow({ where: { email: DEMO_USER_EMAIL }, include: { memberships: { include: { organization: true } } } });
    expect(user.passwordHash).toBeNull();
    expect(user.memberships.map((membership) => [membership.role, membership.organization.isDemo])).toEqual([["owner", true]]);
  });

  it("has two Selectel connections, each served by its own sandbox mount, synced with 180 days of history", async () => {
    const { organizationId, connections: seeded } = await seedDemoOrganization(db, { appUrl: "http://demo.example.test:3000" });
    expect(seeded.every((connection) => connection.firstSync === null)).toBe(true);
    expect(await db.auditLog.count({ where: { action: "connection.update" } })).toBe(0);
    const connections = await db.cloudConnection.findMany({ where: { organizationId }, orderBy: { name: "asc" } });
    expect(connections.map((connection) => [connection.name, connection.providerId, connection.status, connection.historyDays])).toEqual([
      [NAMES[0], "selectel", "active", DEMO_HISTORY_DAYS],
      [NAMES[1], "selectel", "active", DEMO_HISTORY_DAYS],
    ]);
    const [buA, buB] = connections as [(typeof connections)[number], (typeof connections)[number]];
    // The stored endpoints point at the app, not at the loopback sandbox the seed used for its first sync.
    expect(buA.endpointOverrides).toEqual({
      identity: "http://demo.example.test:3000/api/sandbox/selectel-bu-a/identity/v3",
      api: "http://demo.example.test:3000/api/sandbox/selectel-bu-a",
      openstack: "http://demo.example.test:3000/api/sandbox/selectel-bu-a/{region}",
    });
    expect(buB.endpointOverrides).toMatchObject({ api: "http://demo.example.test:3000/api/sandbox/selectel-bu-b" });
    expect(decryptCredentials(buA.encryptedCredentials)).toEqual({ accountId: "318420", serviceUserName: "svc-finops-bu-a", serviceUserPassword: "Demo-BU-A-Finops-Passw0rd" });
    expect([buA.accountId, buB.accountId]).toEqual(["318420", "318421"]);
    expect(buB.balance?.toFixed(2)).toBe("59120.00");

    for (const connection of connections) {
      const runs = await db.syncRun.findMany({ where: { connectionId: connection.id } });
      expect(runs.map((run) => [run.trigger, run.status])).toEqual([["seed", "success"]]);
      const days = await db.costRecord.groupBy({ by: ["chargePeriodStart"], where: { connectionId: connection.id } });
      // Selectel posts an hour once it closes: during the first hour of a Moscow day, today has no charge yet.
      const moscowHour = new Date(runs[0]!.startedAt!.getTime() + 3 * 3_600_000).getUTCHours();
      expect(days).toHaveLength(moscowHour === 0 ? DEMO_HISTORY_DAYS - 1 : DEMO_HISTORY_DAYS);
    }
    const names = async (connectionId: string, where: object) => (await db.resource.findMany({ where: { connectionId, isActive: true, ...where }, select: { name: true } })).map((resource) => resource.name).sort();
    expect(await names(buA.id, { resourceType: "server" })).toEqual(expect.arrayContaining(["api-backend-prod-01", "db-postgres-prod-01", "k8s-worker-01", "k8s-worker-02", "k8s-worker-03"]));
    expect(await names(buA.id, { isOrphan: true })).toEqual(["pg-backup-volume"]);
    expect(await names(buB.id, { isZombie: true })).toEqual(["k8s-stage-worker-old"]);
    expect(await names(buB.id, { resourceType: "server" })).toEqual(expect.arrayContaining(["api-backend-stage-01", "ci-runner-spot", "db-postgres-stage-01", "dev-vm-anna"]));
    expect((await db.unrecognizedResource.findMany({ where: { connectionId: buB.id } })).map((item) => item.billingType)).toEqual(["ml_notebook_gpu"]);

    // Servers carry their OpenStack metadata as tags, on the resource and on every cost row: the explorer groups by them.
    const database = await db.resource.findFirstOrThrow({ where: { connectionId: buA.id, name: "db-postgres-prod-01" } });
    expect(database.tags).toEqual({ "cost-center": "cc-1010-bu-a", env: "prod", team: "data" });
    const rows = await db.costRecord.findMany({ where: { connectionId: buA.id, providerResourceId: database.providerResourceId }, select: { tags: true } });
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.tags).toEqual({ "cost-center": "cc-1010-bu-a", env: "prod", team: "data" });
    expect((await db.resource.findFirstOrThrow({ where: { connectionId: buB.id, name: "ci-runner-spot" } })).tags).toEqual({ "cost-center": "cc-2020-bu-b", env: "dev", team: "platform" });
    const teams = await db.$queryRaw<{ team: string | null }[]>`SELECT DISTINCT "tags" ->> 'team' AS team FROM "CostRecord" WHERE "organizationId" = ${organizationId} ORDER BY 1`;
    expect(teams.map((row) => row.team)).toEqual(["data", "platform", "web", null]);
    const byTeam = await db.costDailyTagValueRollup.groupBy({ by: ["tagValue"], where: { organizationId, tagKey: "team" }, orderBy: { tagValue: "asc" } });
    expect(byTeam.map((row) => row.tagValue)).toEqual(["data", "platform", "web"]);

    // The first syncs also read a week of CPU and memory from the sandboxes' Gnocchi, for every live server.
    const cpuOf = async (connectionId: string, name: string) => {
      const rows = await db.resourceMetric.findMany({ where: { metric: "cpu_percent", resource: { connectionId, name } }, select: { value: true } });
      return { hours: rows.length, average: rows.reduce((sum, row) => sum + Number(row.value), 0) / rows.length };
    };
    const withMetrics = await db.resource.count({ where: { organizationId, metrics: { some: {} } } });
    expect(withMetrics).toBe(await db.resource.count({ where: { organizationId, resourceType: "server", isActive: true, isZombie: false } }));
    const production = await cpuOf(buA.id, "db-postgres-prod-01");
    expect(production.hours).toBe(7 * 24);
    expect(production.average).toBeGreaterThan(55);
    expect(production.average).toBeLessThan(75);
    // The oversized stage database idles: the rightsizing candidate.
    expect((await cpuOf(buB.id, "db-postgres-stage-01")).average).toBeLessThan(5);
    expect((await cpuOf(buB.id, "k8s-stage-worker-old")).hours).toBe(0);
  });

  it("follows the app to a new address without syncing again", async () => {
    const moved = await seedDemoOrganization(db, { appUrl: "https://finops.example.ru" });
    expect(moved.connections.every((connection) => connection.firstSync === null)).toBe(true);
    const connection = await db.cloudConnection.findUniqueOrThrow({ where: { id: moved.connections[1]!.connectionId } });
    expect(connection.endpointOverrides).toMatchObject({ api: "https://finops.example.ru/api/sandbox/selectel-bu-b" });
    expect(await db.syncRun.count({ where: { organizationId: moved.organizationId } })).toBe(2);
  });

  it("reseeds: wipes the demo organization's data and rebuilds it through the same sync path, audited", async () => {
    const before = await seedDemoOrganization(db, { appUrl: "https://finops.example.ru" });
    const oldIds = before.connections.map((connection) => connection.connectionId);
    const costRows = await db.costRecord.count({ where: { organizationId: before.organizationId } });

    const rebuilt = await reseedDemoOrganization(db, { appUrl: "https://finops.example.ru" });
    expect(rebuilt.removedConnections).toBe(2);
    expect(rebuilt.organizationId).toBe(before.organizationId);
    expect(rebuilt.created).toBe(false);
    expect(rebuilt.connections.map((connection) => connection.firstSync?.status)).toEqual(["success", "success"]);
    expect(await db.cloudConnection.count({ where: { id: { in: oldIds } } })).toBe(0);
    expect(await db.syncRun.count({ where: { organizationId: before.organizationId } })).toBe(2);
    expect(await db.costRecord.count({ where: { organizationId: before.organizationId } })).toBe(costRows);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "demo.reseed" } });
    expect(audit).toMatchObject({ organizationId: before.organizationId, actorId: null, targetId: before.organizationId });
  });
});
