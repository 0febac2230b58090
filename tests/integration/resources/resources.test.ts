import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { MULTI_PROJECT_IDS } from "@/server/sandbox/scenarios/selectel-multi-project";
import { createUserWithOrganization } from "../helpers/test-callers";
import { truncateAllTables } from "../setup/worker-database";
import { expectTrpcError, syncSelectelOrganization, waitForRun, type Caller } from "../connections/connections-harness";

type Synced = Awaited<ReturnType<typeof syncedOrganization>>;
const running: { close: () => Promise<void> }[] = [];

/** An organization with one Selectel connection synced once against the multi-project sandbox. */
const syncedOrganization = (name: string) => syncSelectelOrganization(name, running);

type ListOutput = Awaited<ReturnType<Caller["resource"]["list"]>>;
const names = (list: ListOutput) => list.groups.flatMap((group) => group.items.map((item) => item.name)).sort();

let ours: Synced;
let theirs: Synced;

beforeAll(async () => {
  await truncateAllTables();
  ours = await syncedOrganization("Selectel BU-A (prod)");
  theirs = await syncedOrganization("Selectel other org");
});
afterAll(async () => {
  await Promise.all(running.splice(0).map((server) => server.close()));
});

describe("resource.summary", () => {
  it("counts the active resources and sums their costs to the kopeck", async () => {
    // Hourly kopecks: Winona 358 (with its volumes and floating IP), Rhiannon 645, orphan 384, zombie 278,
    // DBaaS 331, MKS 138 = 2134 → 512.16 ₽ a day (× 24), 15 364.80 ₽ a month (× 720).
    expect(await ours.caller.resource.summary()).toEqual({
      total: 6,
      running: 2,
      stopped: 0,
      zombies: 1,
      orphans: 1,
      unrecognized: 2,
      connections: 1,
      costs: [{ currency: "RUB", dailyCost: "512.16", monthlyCost: "15364.80" }],
    });
  });

  it("is empty for an organization without connections", async () => {
    const { caller } = await createUserWithOrganization();
    expect(await caller.resource.summary()).toEqual({ total: 0, running: 0, stopped: 0, zombies: 0, orphans: 0, unrecognized: 0, connections: 0, costs: [] });
    expect(await caller.resource.list({})).toMatchObject({ connectionCount: 0, groups: [] });
  });
});

describe("resource.list", () => {
  it("groups per connection, sorted by monthly cost, with the group's daily cost and count", async () => {
    const list = await ours.caller.resource.list({});
    expect(list.connectionCount).toBe(1);
    expect(list.groups).toHaveLength(1);
    const [group] = list.groups;
    expect(group!.connection).toMatchObject({ id: ours.connectionId, name: "Selectel BU-A (prod)", providerId: "selectel", providerName: "Selectel" });
    expect(group!.connection.lastSyncAt).toBeInstanceOf(Date);
    expect(group!.total).toBe(6);
    expect(group!.costs).toEqual([{ currency: "RUB", dailyCost: "512.16", monthlyCost: "15364.80" }]);
    const monthly = group!.items.map((item) => Number(item.monthlyCost));
    expect(monthly).toEqual([...monthly].sort((a, b) => b - a));
    expect(group!.items[0]!.name).toBe("Rhiannon");
    const winona = group!.items.find((item) => item.name === "Winona")!;
    expect(winona).toMatchObject({ kind: "resource", resourceType: "server", status: "RUNNING", region: "ru-3", dailyCost: "85.92", monthlyCost: "2577.60", flags: { zombie: false, orphan: false, unrecognized: false } });
    if (winona.kind !== "resource") throw new Error("expected a resource");
    expect(winona.specs).toMatchObject({ vcpus: 2, ramMb: 4096 });
    expect(winona.specs.ipAddresses).toContain("87.228.101.42");
    expect(winona.specs.attachedVolumes.map((volume) => volume.device)).toContain("/dev/sda");
    expect(list.facets.providers).toEqual(["selectel"]);
    expect(list.facets.types).toEqual(expect.arrayContaining(["server", "volume", "database", "kubernetes"]));
    expect(list.facets.projects.map((project) => project.name).sort()).toEqual(["Analytics", "My First Project"]);
  });

  it("paginates within a group", async () => {
    const first = await ours.caller.resource.list({ pageSize: 4 });
    const second = await ours.caller.resource.list({ pageSize: 4, page: 2 });
    expect(first.groups[0]!.items).toHaveLength(4);
    expect(second.groups[0]!.items).toHaveLength(2);
    expect(second.groups[0]!.total).toBe(6);
    const all = [...first.groups[0]!.items, ...second.groups[0]!.items].map((item) => item.id);
    expect(new Set(all).size).toBe(6);
  });

  it("applies each filter", async () => {
    const { caller } = ours;
    expect(names(await caller.resource.list({ flag: "zombie" }))).toEqual(["Annemarie"]);
    expect(names(await caller.resource.list({ flag: "orphan" }))).toEqual(["old-backup-volume"]);
    const unknown = await caller.resource.list({ flag: "unrecognized" });
    expect(names(unknown)).toEqual(["cache-msk-1", "sentiment-endpoint"]);
    expect(unknown.groups[0]!.items.every((item) => item.kind === "unrecognized" && item.flags.unrecognized)).toBe(true);
    expect(names(await caller.resource.list({ type: "server" }))).toEqual(["Annemarie", "Rhiannon", "Winona"]);
    expect(names(await caller.resource.list({ type: "database" }))).toEqual(["analytics-pg"]);
    expect(names(await caller.resource.list({ status: "RUNNING" }))).toEqual(["Rhiannon", "Winona"]);
    expect(names(await caller.resource.list({ region: "ru-8" }))).toEqual(["Rhiannon", "analytics-pg"]);
    expect(names(await caller.resource.list({ project: MULTI_PROJECT_IDS.projects.analytics }))).toEqual(["Rhiannon", "analytics-pg"]);
    expect(names(await caller.resource.list({ provider: "selectel" }))).toHaveLength(6);
    expect((await caller.resource.list({ provider: "openstack" })).groups).toEqual([]);
    expect(names(await caller.resource.list({ connectionId: ours.connectionId }))).toHaveLength(6);
    expect((await caller.resource.list({ connectionId: theirs.connectionId })).groups).toEqual([]);
    // Search: name (any case), provider id, IP address.
    expect(names(await caller.resource.list({ search: "winONA" }))).toEqual(["Winona"]);
    expect(names(await caller.resource.list({ search: MULTI_PROJECT_IDS.rhiannon.slice(0, 13) }))).toEqual(["Rhiannon"]);
    expect(names(await caller.resource.list({ search: "87.228.101.42" }))).toEqual(["Winona"]);
    expect(names(await caller.resource.list({ type: "server", flag: "zombie", search: "anne" }))).toEqual(["Annemarie"]);
  });

  it("never shows another organization's rows", async () => {
    const list = await ours.caller.resource.list({});
    const theirIds = new Set((await db.resource.findMany({ where: { organizationId: theirs.organization.id }, select: { id: true } })).map((row) => row.id));
    expect(theirIds.size).toBeGreaterThan(0);
    expect(list.groups.map((group) => group.connection.id)).toEqual([ours.connectionId]);
    expect(list.groups.flatMap((group) => group.items).some((item) => theirIds.has(item.id))).toBe(false);
    const unknown = await ours.caller.resource.list({ flag: "unrecognized" });
    expect(unknown.groups.flatMap((group) => group.items).every((item) => item.connectionId === ours.connectionId)).toBe(true);
  });
});

describe("resource.get", () => {
  it("answers NOT_FOUND for another organization's resource", async () => {
    const theirs0 = await db.resource.findFirstOrThrow({ where: { organizationId: theirs.organization.id, name: "Winona" } });
    await expectTrpcError(ours.caller.resource.get({ id: theirs0.id }), "NOT_FOUND");
    await expectTrpcError(ours.caller.resource.get({ id: "missing" }), "NOT_FOUND");
  });

  it("shows specs, flags, connection, daily cost history and change history", async () => {
    const row = await db.resource.findFirstOrThrow({ where: { organizationId: ours.organization.id, name: "Winona" } });
    const detail = await ours.caller.resource.get({ id: row.id });
    expect(detail).toMatchObject({ id: row.id, name: "Winona", providerResourceId: MULTI_PROJECT_IDS.winona, dailyCost: "85.92", connection: { id: ours.connectionId, name: "Selectel BU-A (prod)" } });
    const records = await db.costRecord.findMany({ where: { resourceId: row.id }, orderBy: { chargePeriodStart: "asc" } });
    expect(records.length).toBeGreaterThan(0);
    expect(detail.costHistory.length).toBe(Math.min(90, new Set(records.map((record) => record.chargePeriodStart.toISOString())).size));
    const last = records.at(-1)!;
    expect(detail.costHistory.at(-1)).toEqual({ date: last.chargePeriodStart.toISOString().slice(0, 10), billedCost: last.billedCost.toFixed(2), currency: "RUB" });
    const sum = detail.costHistory.reduce((total, day) => total + Math.round(Number(day.billedCost) * 100), 0);
    expect(detail.costHistoryTotal).toEqual([{ currency: "RUB", billedCost: (sum / 100).toFixed(2) }]);
    const dates = detail.costHistory.map((day) => day.date);
    expect(dates).toEqual([...dates].sort());
    expect(detail.changes).toHaveLength(1);
    expect(detail.changes[0]).toMatchObject({ change: "created", syncRunId: ours.syncRunId });

    const zombie = await db.resource.findFirstOrThrow({ where: { organizationId: ours.organization.id, name: "Annemarie" } });
    expect(await ours.caller.resource.get({ id: zombie.id })).toMatchObject({ flags: { zombie: true, orphan: false }, monthlyCost: "2001.60" });
  });

  it("lists changes newest first with their diffs after a second sync", async () => {
    const row = await db.resource.findFirstOrThrow({ where: { organizationId: ours.organization.id, name: "analytics-pg" } });
    // As if the DBaaS had been cheaper before: the second run records a cost change back to the billed price.
    await db.resource.update({ where: { id: row.id }, data: { monthlyCost: "1.00", dailyCost: "0.03", hourlyCost: "0.001" } });
    const { syncRunId } = await ours.caller.connection.sync({ id: ours.connectionId });
    await waitForRun(ours.caller, syncRunId);
    const detail = await ours.caller.resource.get({ id: row.id });
    expect(detail.changes.map((change) => change.change)).toEqual(["updated", "created"]);
    expect(detail.changes[0]).toMatchObject({ syncRunId, costChanged: true });
    expect(detail.changes[0]!.diff).toContainEqual({ field: "monthlyCost", before: "1.00", after: "2383.20" });
  });
});
