import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { transformer } from "@/server/api/transformer";
import { selectelMultiProjectScenario } from "@/server/sandbox/scenarios/selectel-multi-project";
import type { SandboxScenario } from "@/server/sandbox/scenario";
import { callerFor, createUserWithOrganization } from "../helpers/test-callers";
import { truncateAllTables } from "../setup/worker-database";
import { expectTrpcError, SELECTEL_PASSWORD, startSelectel, waitForRun } from "./connections-harness";

const running: { close: () => Promise<void> }[] = [];
async function sandbox(scenario?: SandboxScenario) {
  const started = await startSelectel(scenario);
  running.push(started);
  return started;
}

beforeEach(truncateAllTables);
afterEach(async () => {
  await Promise.all(running.splice(0).map((server) => server.close()));
});

describe("connection.test against the Selectel sandbox on loopback", () => {
  it("answers the account summary for an unsaved form", async () => {
    const { caller, organization } = await createUserWithOrganization();
    const selectel = await sandbox();
    const result = await caller.connection.test({ providerId: "selectel", credentials: selectel.credentials, endpoints: selectel.endpoints });
    expect(result).toEqual({
      ok: true,
      account: {
        id: "204060",
        name: "Selectel 204060",
        balance: "9876543.21",
        currency: "RUB",
        daysLeft: 120,
        projects: selectelMultiProjectScenario.projects.map(({ id, name }) => ({ id, name })),
      },
    });
    expect(await db.cloudConnection.count()).toBe(0);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "connection.test" } });
    expect(audit).toMatchObject({ organizationId: organization.id, targetType: "provider", targetId: "selectel", metadata: { providerId: "selectel", ok: true } });
  });

  it("answers a wrong password with the kind, a translated lead and the provider's own message", async () => {
    const { organization } = await createUserWithOrganization();
    const owner = await db.membership.findFirstOrThrow({ where: { organizationId: organization.id } });
    const selectel = await sandbox();
    const form = { providerId: "selectel", credentials: { ...selectel.credentials, serviceUserPassword: "Wrong-Passw0rd" }, endpoints: selectel.endpoints };
    const ru = await callerFor({ userId: owner.userId }, "ru").connection.test(form);
    expect(ru).toMatchObject({ ok: false, error: { kind: "auth", lead: "Selectel отклонил учётные данные.", status: 401 } });
    const en = await callerFor({ userId: owner.userId }, "en").connection.test(form);
    expect(en).toMatchObject({ ok: false, error: { kind: "auth", lead: "Selectel rejected the credentials.", providerMessage: "The request you have made requires authentication." } });
    if (en.ok) throw new Error("expected a failure");
    expect(en.error.message).toContain("service user's login");
    expect(JSON.stringify(en)).not.toContain("Wrong-Passw0rd");
  });

  it("tests a saved connection with the stored secret when the form leaves it blank", async () => {
    const { caller } = await createUserWithOrganization();
    const selectel = await sandbox();
    const { id } = await caller.connection.create({ providerId: "selectel", name: "Selectel BU-A", credentials: selectel.credentials, endpoints: selectel.endpoints });
    const blank = { ...selectel.credentials, serviceUserPassword: "" };
    expect(await caller.connection.test({ providerId: "selectel", connectionId: id, credentials: blank })).toMatchObject({ ok: true, account: { id: "204060" } });
    // A changed field wins over the stored one.
    expect(await caller.connection.test({ providerId: "selectel", connectionId: id, credentials: { ...blank, serviceUserName: "svc-nobody" } })).toMatchObject({ ok: false, error: { kind: "auth" } });
    await expectTrpcError(caller.connection.test({ providerId: "openstack", connectionId: id, credentials: {} }), "BAD_REQUEST");
  });

  it("reports an unreachable endpoint as unavailable instead of failing the call", async () => {
    const { caller } = await createUserWithOrganization();
    const selectel = await sandbox();
    await running.pop()!.close();
    const result = await caller.connection.test({ providerId: "selectel", credentials: selectel.credentials, endpoints: selectel.endpoints });
    expect(result).toMatchObject({ ok: false, error: { kind: "unavailable", lead: "Selectel is unavailable." } });
  });
});

/** The multi-project account a day later: the MKS cluster is gone, DBaaS got dearer, a new cluster appeared. */
function changedScenario(): SandboxScenario {
  const scenario = structuredClone(selectelMultiProjectScenario);
  const mks = scenario.billing.find((object) => object.type === "mks_cluster")!;
  scenario.billing = scenario.billing.filter((object) => object !== mks);
  scenario.billing.find((object) => object.type === "dbaas_postgresql")!.metrics[0]!.kopecksPerHour = 240;
  scenario.billing.push({ ...structuredClone(mks), id: "c8500000-0012-4e5f-8a9b-0c1d2e3f4a12", name: "staging-k8s" });
  return scenario;
}

describe("connection.sync and the syncRun router", () => {
  it("syncs through the normal path with live phases, then lists, shows and groups the run's changes", async () => {
    const { caller, organization } = await createUserWithOrganization();
    const selectel = await sandbox();
    const { id } = await caller.connection.create({ providerId: "selectel", name: "Selectel BU-A (prod)", credentials: selectel.credentials, endpoints: selectel.endpoints });

    const requested = await caller.connection.sync({ id });
    expect(requested.alreadyRunning).toBe(false);
    // A second click while it runs shows the same run.
    expect(await caller.connection.sync({ id })).toEqual({ syncRunId: requested.syncRunId, alreadyRunning: true });

    const { run, seen } = await waitForRun(caller, requested.syncRunId);
    expect(run).toMatchObject({ status: "success", trigger: "manual", error: null, phasesDone: 9, totalPhases: 9, currency: "RUB", connection: { id, name: "Selectel BU-A (prod)", providerName: "Selectel" } });
    expect(run.phases.map((phase) => [phase.id, phase.status])).toEqual([
      ["billing", "success"],
      ["group-by-type", "success"],
      ["vms", "success"],
      ["volumes", "success"],
      ["file-storage", "success"],
      ["other-services", "success"],
      ["unification", "success"],
      ["completion", "success"],
      ["usage", "success"],
    ]);
    expect(run.phases.every((phase) => phase.durationMs !== null && phase.startedAt && phase.finishedAt)).toBe(true);
    expect(run.phases[0]!.apiCalls).toBeGreaterThan(0);
    expect(run.apiCalls).toBe(run.phases.reduce((sum, phase) => sum + phase.apiCalls, 0));
    expect(run.counts.created).toBeGreaterThan(0);
    expect(run.counts).toMatchObject({ updated: 0, deleted: 0, unchanged: 0 });
    expect(Number(run.monthlyCostTotal)).toBeGreaterThan(0);
    expect(run.totalsByType.map((entry) => entry.type)).toContain("server");
    expect(run.durationMs).toBeGreaterThanOrEqual(0);
    // Whatever the poll caught on the way is consistent: pending phases only while running.
    for (const state of seen.filter((item) => item.status === "running")) {
      expect(state.phases.every((phase) => phase.status !== "skipped")).toBe(true);
    }

    const list = await caller.connection.list();
    expect(list[0]).toMatchObject({ id, status: "active", accountId: "204060", balance: "9876543.21", balanceCurrency: "RUB", daysLeft: 120, latestRun: { id: run.id, status: "success" } });
    expect(list[0]!.resourceCount).toBe(await db.resource.count({ where: { connectionId: id, isActive: true } }));
    expect(list[0]!.monthlyCosts).toHaveLength(1);
    expect(list[0]!.monthlyCosts[0]!.currency).toBe("RUB");
    expect(JSON.stringify(transformer.serialize(list))).not.toContain(SELECTEL_PASSWORD);

    // The account a day later: one deleted, one updated, one created, the rest unchanged.
    const later = await sandbox(changedScenario());
    await caller.connection.update({ id, endpoints: later.endpoints });
    const second = await caller.connection.sync({ id });
    const { run: secondRun } = await waitForRun(caller, second.syncRunId);
    expect(secondRun.status).toBe("success");
    expect(secondRun.counts).toMatchObject({ created: 1, deleted: 1 });
    expect(secondRun.counts.updated).toBeGreaterThanOrEqual(1);

    const history = await caller.syncRun.list({ connectionId: id, pageSize: 1 });
    expect(history).toMatchObject({ total: 2, page: 1, pageSize: 1 });
    expect(history.items.map((item) => item.id)).toEqual([second.syncRunId]);
    expect((await caller.syncRun.list({ connectionId: id, page: 2, pageSize: 1 })).items.map((item) => item.id)).toEqual([run.id]);

    const changes = await caller.syncRun.changes({ syncRunId: second.syncRunId });
    expect(changes.groups.map((group) => group.change)).toEqual(["created", "updated", "deleted", "unchanged"]);
    expect(changes.counts).toEqual({ created: 1, updated: secondRun.counts.updated, deleted: 1, unchanged: secondRun.counts.unchanged });
    const byChange = Object.fromEntries(changes.groups.map((group) => [group.change, group]));
    expect(byChange.created!.items.map((item) => item.resource.name)).toEqual(["staging-k8s"]);
    expect(byChange.deleted!.items.map((item) => [item.resource.name, item.resource.isActive])).toEqual([["prod-k8s", false]]);
    expect(byChange.deleted!.items[0]!.diff).toContainEqual({ field: "isActive", before: true, after: false });
    const dbaas = byChange.updated!.items.find((item) => item.resource.name === "analytics-pg")!;
    expect(dbaas.costChanged).toBe(true);
    expect(dbaas.diff.map((entry) => entry.field)).toContain("monthlyCost");

    const page = await caller.syncRun.changes({ syncRunId: second.syncRunId, change: "unchanged", pageSize: 2, page: 2 });
    expect(page.groups).toHaveLength(1);
    expect(page.groups[0]).toMatchObject({ change: "unchanged", total: secondRun.counts.unchanged });
    expect(page.groups[0]!.items.length).toBe(Math.min(2, Math.max(0, secondRun.counts.unchanged - 2)));

    const audits = await db.auditLog.findMany({ where: { organizationId: organization.id, action: "connection.sync_request" } });
    expect(audits).toHaveLength(2);
  });

  it("ends with an error run and the provider's message when the credentials stop working", async () => {
    const { caller } = await createUserWithOrganization();
    const selectel = await sandbox();
    const { id } = await caller.connection.create({ providerId: "selectel", name: "broken", credentials: { ...selectel.credentials, serviceUserPassword: "Wrong-Passw0rd" }, endpoints: selectel.endpoints });
    const { syncRunId } = await caller.connection.sync({ id });
    const { run } = await waitForRun(caller, syncRunId);
    expect(run.status).toBe("error");
    expect(run.error).toContain("service user's login");
    expect(run.phases[0]).toMatchObject({ id: "billing", status: "failed" });
    expect(run.phases.slice(1).every((phase) => phase.status === "skipped")).toBe(true);
    expect((await caller.connection.list())[0]).toMatchObject({ status: "error", statusMessage: run.error, latestRun: { status: "error" } });
  });
});
