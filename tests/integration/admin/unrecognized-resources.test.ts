import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { NO_INFERRED_TYPE } from "@/server/services/admin/unrecognized/unrecognized-filters";
import { createUserWithOrganization } from "../helpers/test-callers";
import { truncateAllTables } from "../setup/worker-database";
import { createPlatformUser, outcome } from "./admin-harness";

beforeEach(truncateAllTables);

const DAY = 24 * 60 * 60 * 1000;

async function seedUnrecognized() {
  const acme = await createUserWithOrganization({ orgName: "ООО Акме" });
  const beta = await createUserWithOrganization({ orgName: "Beta LLC" });
  const connection = (organizationId: string, providerId: string, name: string) =>
    db.cloudConnection.create({ data: { organizationId, providerId, name, encryptedCredentials: "v1:test", credentialsKeyId: "test" } });
  const acmeSelectel = await connection(acme.organization.id, "selectel", "Acme Selectel");
  const betaOpenstack = await connection(beta.organization.id, "openstack", "Beta OpenStack");
  const item = async (conn: { id: string; organizationId: string; providerId: string }, providerResourceId: string, billingType: string, inferredType: string | null, runsDaysAgo: number[]) => {
    const row = await db.unrecognizedResource.create({
      data: {
        organizationId: conn.organizationId, connectionId: conn.id, providerId: conn.providerId, providerResourceId, billingType, inferredType, name: `${billingType}-name`,
        rawBilling: { syncRunId: `run-${runsDaysAgo[0]}`, lines: [{ service: billingType, cost: "12.50" }] }, monthlyCost: "375.00", currency: "RUB",
        sightings: runsDaysAgo.length, firstSeenAt: new Date(Date.now() - Math.max(...runsDaysAgo) * DAY), lastSeenAt: new Date(Date.now() - Math.min(...runsDaysAgo) * DAY),
      },
    });
    await db.unrecognizedResourceSighting.createMany({ data: runsDaysAgo.map((days) => ({ unrecognizedResourceId: row.id, syncRunId: `run-${days}`, seenAt: new Date(Date.now() - days * DAY), monthlyCost: "375.00", currency: "RUB" })) });
    return row;
  };
  const clickhouse = await item(acmeSelectel, "ch-1", "managed_clickhouse", "database", [0, 1, 2, 45]);
  const gpu = await item(acmeSelectel, "gpu-1", "ml_notebook_gpu", null, [3]);
  const dns = await item(betaOpenstack, "dns-1", "dns_zone", "other", [1]);
  return { acme, beta, clickhouse, gpu, dns };
}

describe("admin unrecognized resources", () => {
  it("lists across organizations with provider, inferred type, status and search filters", async () => {
    const admin = await createPlatformUser("admin", ["manage_resources"]);
    const { clickhouse, gpu, dns } = await seedUnrecognized();
    await db.unrecognizedResource.update({ where: { id: dns.id }, data: { resolvedAt: new Date(), resolutionNote: "normalizer added" } });
    const ids = async (input: Parameters<typeof admin.caller.admin.unrecognized.list>[0]) => (await admin.caller.admin.unrecognized.list(input)).rows.map((row) => row.id);

    const all = await admin.caller.admin.unrecognized.list({});
    expect(all.total).toBe(3);
    expect(all.rows.map((row) => row.id)).toEqual([clickhouse.id, dns.id, gpu.id]);
    expect(all.rows[0]).toMatchObject({ organization: { name: "ООО Акме" }, connection: { name: "Acme Selectel" }, monthlyCost: "375.00", sightings: 4 });
    expect(await ids({ providerId: "openstack" })).toEqual([dns.id]);
    expect(await ids({ inferredType: "database" })).toEqual([clickhouse.id]);
    expect(await ids({ inferredType: NO_INFERRED_TYPE })).toEqual([gpu.id]);
    expect(await ids({ status: "resolved" })).toEqual([dns.id]);
    expect(await ids({ status: "open" })).toEqual([clickhouse.id, gpu.id]);
    expect(await ids({ search: "CLICK" })).toEqual([clickhouse.id]);
    expect(await ids({ search: "beta" })).toEqual([dns.id]);
    expect(await ids({ search: "gpu-1", providerId: "selectel", status: "open" })).toEqual([gpu.id]);
    expect((await admin.caller.admin.unrecognized.list({ pageSize: 5, page: 2 })).rows).toEqual([]);
    expect(await admin.caller.admin.unrecognized.facets()).toEqual({ providers: ["openstack", "selectel"], inferredTypes: expect.arrayContaining(["database", "other", NO_INFERRED_TYPE]) });
  });

  it("shows raw billing data and the sighting history with its frequency", async () => {
    const admin = await createPlatformUser("super_admin");
    const { clickhouse } = await seedUnrecognized();
    const detail = await admin.caller.admin.unrecognized.get({ id: clickhouse.id });
    expect(detail.rawBilling).toEqual({ syncRunId: "run-0", lines: [{ service: "managed_clickhouse", cost: "12.50" }] });
    expect(detail.frequency).toEqual({ recorded: 4, last30Days: 3 });
    expect(detail.history.map((sighting) => sighting.syncRunId)).toEqual(["run-0", "run-1", "run-2", "run-45"]);
    expect(detail.history[0]).toMatchObject({ monthlyCost: "375.00", currency: "RUB" });
    expect(await outcome(admin.caller.admin.unrecognized.get({ id: "missing" }))).toBe("admin.errors.unrecognizedNotFound");
  });

  it("resolves with a note, reopens and deletes false positives, each audited as the admin with the organization", async () => {
    const admin = await createPlatformUser("admin", ["manage_resources"]);
    const { clickhouse, gpu, acme } = await seedUnrecognized();
    const resolved = await admin.caller.admin.unrecognized.resolve({ id: clickhouse.id, resolved: true, note: "  ClickHouse normalizer in 0.2  " });
    expect(resolved.resolvedAt).toBeInstanceOf(Date);
    expect(resolved.resolutionNote).toBe("ClickHouse normalizer in 0.2");
    const reopened = await admin.caller.admin.unrecognized.resolve({ id: clickhouse.id, resolved: false });
    expect(reopened).toMatchObject({ resolvedAt: null, resolutionNote: null });

    await admin.caller.admin.unrecognized.delete({ id: gpu.id });
    expect(await db.unrecognizedResource.count({ where: { id: gpu.id } })).toBe(0);
    expect(await db.unrecognizedResourceSighting.count({ where: { unrecognizedResourceId: gpu.id } })).toBe(0);
    expect(await outcome(admin.caller.admin.unrecognized.delete({ id: gpu.id }))).toBe("admin.errors.unrecognizedNotFound");

    const audit = await db.auditLog.findMany({ where: { action: { startsWith: "admin.unrecognized." } }, orderBy: { createdAt: "asc" } });
    expect(audit.map((row) => [row.action, row.actorId, row.organizationId, row.targetId])).toEqual([
      ["admin.unrecognized.resolve", admin.user.id, acme.organization.id, clickhouse.id],
      ["admin.unrecognized.reopen", admin.user.id, acme.organization.id, clickhouse.id],
      ["admin.unrecognized.delete", admin.user.id, acme.organization.id, gpu.id],
    ]);
    expect(audit[0]!.metadata).toMatchObject({ note: "ClickHouse normalizer in 0.2", billingType: "managed_clickhouse" });
    expect(audit[2]!.metadata).toMatchObject({ providerResourceId: "gpu-1", billingType: "ml_notebook_gpu", sightings: 1 });
  });
});
