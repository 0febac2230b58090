import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { UTILIZATION_METRICS } from "@/server/services/dashboard/utilization-metrics";
import { encryptCredentials } from "@/server/security/credentials-cipher";
import { truncateAllTables } from "../setup/worker-database";
import { expectTrpcError, syncSelectelOrganization } from "../connections/connections-harness";

const running: { close: () => Promise<void> }[] = [];

/** An organization with the multi-project Selectel account synced once, now: its servers have a week of metrics. */
async function syncedOrganization(name: string) {
  const synced = await syncSelectelOrganization(name, running);
  const resources = await db.resource.findMany({ where: { connectionId: synced.connectionId }, select: { id: true, name: true } });
  const idOf = (resourceName: string) => resources.find((resource) => resource.name === resourceName)!.id;
  return { ...synced, idOf };
}

let ours: Awaited<ReturnType<typeof syncedOrganization>>;
let theirs: Awaited<ReturnType<typeof syncedOrganization>>;

beforeAll(async () => {
  await truncateAllTables();
  ours = await syncedOrganization("Selectel prod");
  theirs = await syncedOrganization("Selectel of another org");
});
afterAll(async () => {
  await Promise.all(running.splice(0).map((server) => server.close()));
});

describe("resource.usage", () => {
  it("gives the hourly CPU and RAM percent of a server exactly as stored, with the period's average and peak", async () => {
    const winona = ours.idOf("Winona");
    const usage = await ours.caller.resource.usage({ id: winona, range: "24h" });
    expect(usage.availability).toBe("collected");
    expect(usage.to.getTime() - usage.from.getTime()).toBe(24 * 3_600_000);
    const stored = await db.resourceMetric.findMany({ where: { resourceId: winona, timestamp: { gte: usage.from, lt: usage.to } }, orderBy: { timestamp: "asc" } });
    const cpu = stored.filter((row) => row.metric === UTILIZATION_METRICS.cpuPercent);
    const ram = stored.filter((row) => row.metric === UTILIZATION_METRICS.ramPercent);
    // The last settled hour ends at most 65 minutes ago: 22–24 hours of the last 24 are stored.
    expect(cpu.length).toBeGreaterThanOrEqual(22);
    expect(usage.points.map((point) => [point.at.toISOString(), point.cpuPercent, point.ramPercent])).toEqual(
      cpu.map((row, index) => [row.timestamp.toISOString(), Number(row.value), Number(ram[index]!.value)]),
    );
    const values = cpu.map((row) => Number(row.value));
    expect(usage.summary.cpu).toEqual({ average: Math.round((values.reduce((sum, value) => sum + value, 0) / values.length) * 10) / 10, peak: Math.round(Math.max(...values) * 10) / 10 });
    expect(usage.lastCollectedAt?.toISOString()).toBe(cpu.at(-1)!.timestamp.toISOString());

    const week = await ours.caller.resource.usage({ id: winona });
    expect(week.range).toBe("7d");
    expect(week.points.length).toBeGreaterThanOrEqual(166);
    // A week was collected (the first sync's backfill): 30 days show every stored hour.
    const all = await db.resourceMetric.count({ where: { resourceId: winona, metric: UTILIZATION_METRICS.cpuPercent } });
    expect(all).toBe(168);
    expect((await ours.caller.resource.usage({ id: winona, range: "30d" })).points).toHaveLength(all);
  });

  it("says why a resource has no charts: not a server, gone from the cloud, not collected yet, nothing in the period, provider without metrics", async () => {
    expect((await ours.caller.resource.usage({ id: ours.idOf("old-backup-volume") })).availability).toBe("not_a_server");
    expect(await ours.caller.resource.usage({ id: ours.idOf("Annemarie") })).toMatchObject({ availability: "deleted", points: [], lastCollectedAt: null, summary: { cpu: null, ram: null } });

    const rhiannon = ours.idOf("Rhiannon");
    const rows = await db.resourceMetric.findMany({ where: { resourceId: rhiannon } });
    await db.resourceMetric.deleteMany({ where: { resourceId: rhiannon } });
    try {
      expect((await ours.caller.resource.usage({ id: rhiannon })).availability).toBe("not_collected");
      const old = new Date(Date.now() - 40 * 86_400_000);
      old.setUTCMinutes(0, 0, 0);
      await db.resourceMetric.create({ data: { organizationId: ours.organization.id, resourceId: rhiannon, metric: UTILIZATION_METRICS.cpuPercent, unit: "percent", timestamp: old, value: "12.5" } });
      expect(await ours.caller.resource.usage({ id: rhiannon, range: "30d" })).toMatchObject({ availability: "collected", points: [], lastCollectedAt: old });
    } finally {
      await db.resourceMetric.deleteMany({ where: { resourceId: rhiannon } });
      await db.resourceMetric.createMany({ data: rows });
    }

    // A provider InfraZen has no usage for (a connection whose plugin is not installed here).
    const { encrypted, keyId } = encryptCredentials({ token: "x" });
    const connection = await db.cloudConnection.create({ data: { organizationId: ours.organization.id, providerId: "beget", name: "Beget", encryptedCredentials: encrypted, credentialsKeyId: keyId } });
    const vps = await db.resource.create({ data: { organizationId: ours.organization.id, connectionId: connection.id, providerId: "beget", providerResourceId: "vps-1", name: "vps-1", resourceType: "server", status: "RUNNING" } });
    try {
      expect((await ours.caller.resource.usage({ id: vps.id })).availability).toBe("unsupported_provider");
    } finally {
      await db.cloudConnection.delete({ where: { id: connection.id } });
    }
  });

  it("is tenant-scoped: another organization's server is NOT_FOUND, and nobody's metrics leak into a list", async () => {
    await expectTrpcError(theirs.caller.resource.usage({ id: ours.idOf("Winona") }), "NOT_FOUND");
    await expectTrpcError(ours.caller.resource.usage({ id: theirs.idOf("Winona") }), "NOT_FOUND");
    const list = await theirs.caller.resource.list({ type: "server" });
    const usage = list.groups[0]!.usage;
    expect(Object.keys(usage).sort()).toEqual([theirs.idOf("Rhiannon"), theirs.idOf("Winona")].sort());
  });
});

describe("resource.list sparklines", () => {
  it("carries each server's week in 6-hour means with the week's averages, matching the stored hours", async () => {
    const list = await ours.caller.resource.list({});
    const group = list.groups[0]!;
    const winona = ours.idOf("Winona");
    // Servers with metrics only: not the zombie, not the volume or the database.
    expect(Object.keys(group.usage).sort()).toEqual([ours.idOf("Rhiannon"), winona].sort());
    const sparkline = group.usage[winona]!;
    expect(sparkline.points.length).toBeGreaterThanOrEqual(28);
    expect(sparkline.points.length).toBeLessThanOrEqual(29);
    expect(sparkline.points.every((point) => point.cpu !== null && point.ram !== null)).toBe(true);
    const from = new Date(Date.now() - 7 * 86_400_000);
    const mean = async (metric: string) => {
      const rows = await db.resourceMetric.findMany({ where: { resourceId: winona, metric, timestamp: { gte: from } } });
      return rows.reduce((sum, row) => sum + Number(row.value), 0) / rows.length;
    };
    // Rounded to 0.1 from the exact mean of the stored hours.
    expect(Math.abs(sparkline.cpuAverage! - (await mean(UTILIZATION_METRICS.cpuPercent)))).toBeLessThanOrEqual(0.05 + 1e-9);
    expect(Math.abs(sparkline.ramAverage! - (await mean(UTILIZATION_METRICS.ramPercent)))).toBeLessThanOrEqual(0.05 + 1e-9);
  });
});
