import { mockCtx } from "@inngest/test";
import { describe, expect, it } from "vitest";
import { SYNC_RETRIES } from "@/inngest/functions/sync/sync-connection";
import { db } from "@/server/db";
import { MULTI_PROJECT_IDS, selectelMultiProjectScenario } from "@/server/sandbox/scenarios/selectel-multi-project";
import { createSelectelConnection, engineFor, hashed, queueRun, resetBetweenTests, sendEventMocks, startSelectel } from "./inngest-harness";

resetBetweenTests();

const scenario = selectelMultiProjectScenario;
const PROJECTS = [MULTI_PROJECT_IDS.projects.main, MULTI_PROJECT_IDS.projects.analytics];
const PHASE_STEPS = ["billing", "group-by-type", "vms", "volumes", "file-storage", "other-services", "unification", "completion", "usage"];

async function connected(credentials?: Record<string, unknown>) {
  const { config, state } = await startSelectel(scenario);
  const connection = await createSelectelConnection(scenario, config.endpoints, credentials ?? config.credentials);
  return { connection, state };
}

async function databaseCounts(connectionId: string) {
  return {
    resources: await db.resource.count({ where: { connectionId } }),
    states: await db.resourceState.count({ where: { resource: { connectionId } } }),
    costRows: await db.costRecord.count({ where: { connectionId } }),
    runs: await db.syncRun.count({ where: { connectionId } }),
    unrecognizedSightings: (await db.unrecognizedResource.findMany({ where: { connectionId } })).reduce((sum, row) => sum + row.sightings, 0),
  };
}

type StepRun = { mock: { calls: unknown[][] } };
const stepIdsCalled = (ctx: { step: { run: unknown } }) => (ctx.step.run as StepRun).mock.calls.map((call) => call[0] as string);

describe("sync-connection (Inngest function) against the Selectel sandbox", () => {
  it("runs each phase as a step, fans inventory out per project, keeps step results small and writes the database", async () => {
    const { connection } = await connected();
    const data = await queueRun(connection);
    const { result, error, state, ctx } = await engineFor(data).execute();
    expect(error).toBeUndefined();
    expect(result).toMatchObject({ syncRunId: data.syncRunId, status: "success", duplicate: false, counts: { created: 9, updated: 0, deleted: 0, unchanged: 0 }, error: null });

    const ids = [...new Set(stepIdsCalled(ctx))];
    expect(ids.filter((id) => id.startsWith("inventory:")).sort()).toEqual(PROJECTS.map((project) => `inventory:${project}`).sort());
    expect(ids.filter((id) => !id.startsWith("inventory:"))).toEqual(["start", ...PHASE_STEPS, "finish", "release-lease"]);

    // Every memoized step result is ids and counts: the largest is the finish summary, ~2 KB.
    const results = await Promise.all(Object.entries(state).map(async ([key, value]) => [key, JSON.stringify(await value)] as const));
    expect(results.length).toBeGreaterThanOrEqual(13);
    for (const [key, json] of results) expect(json.length, `step ${key}`).toBeLessThan(4096);
    const inventory = await Promise.all(PROJECTS.map((project) => state[hashed(`inventory:${project}`)] as Promise<{ ok: boolean; usage: { apiCalls: number }; counts: { servers: number } }>));
    expect(inventory.map((scope) => [scope.ok, scope.counts.servers])).toEqual([
      [true, 1],
      [true, 1],
    ]);
    const vms = (await state[hashed("vms")]) as { ok: true; record: { apiCalls: number; counts: Record<string, number> } };
    // The phase counts each fanned-out call once, however the steps overlapped.
    expect(vms.record.apiCalls).toBe(inventory.reduce((sum, scope) => sum + scope.usage.apiCalls, 0));
    expect(vms.record.counts).toMatchObject({ vms: 3, zombies: 1, servers: 2 });

    const run = await db.syncRun.findUniqueOrThrow({ where: { id: data.syncRunId } });
    expect(run).toMatchObject({ status: "success", trigger: "manual", resourcesCreated: 9, currency: "RUB", error: null });
    expect((run.phases as { id: string; status: string }[]).map((phase) => [phase.id, phase.status])).toEqual(PHASE_STEPS.map((id) => [id, "success"]));
    const resources = await db.resource.findMany({ where: { connectionId: connection.id, isActive: true } });
    expect(resources.map((resource) => resource.name).sort()).toEqual(["Annemarie", "My First Project", "Analytics", "Rhiannon", "Selectel 204060", "Winona", "analytics-pg", "old-backup-volume", "prod-k8s"].sort());
    expect(await db.costRecord.count({ where: { connectionId: connection.id } })).toBeGreaterThan(0);
    // The staging rows are gone with the run, and so is the lease.
    expect(await db.syncArtifact.count()).toBe(0);
    expect(await db.syncLease.count()).toBe(0);

    const byName = Object.fromEntries(resources.map((resource) => [resource.name, resource.id]));
    expect(ctx.step.sendEvent).toHaveBeenCalledWith(
      "emit-completed",
      expect.objectContaining({
        name: "connection/sync.completed",
        id: `sync-completed-${data.syncRunId}`,
        data: expect.objectContaining({
          connectionId: connection.id,
          organizationId: connection.organizationId,
          syncRunId: data.syncRunId,
          status: "success",
          counts: { created: 9, updated: 0, deleted: 0, unchanged: 0 },
          changedCount: 9,
          newZombieIds: [byName.Annemarie],
          newOrphanIds: [byName["old-backup-volume"]],
          totals: expect.objectContaining({ monthly: run.monthlyCostTotal!.toFixed(2), currency: "RUB", byStatus: expect.any(Object) }),
        }),
      }),
    );
    expect(ctx.step.sendEvent).not.toHaveBeenCalledWith("emit-failed", expect.anything());
  });

  it("re-executing the function, a single step, or syncing again duplicates no resources, states or cost rows", async () => {
    const { connection } = await connected();
    const first = await queueRun(connection);
    await engineFor(first).execute();
    const afterFirst = await databaseCounts(connection.id);
    expect(afterFirst).toMatchObject({ resources: 9, states: 9, runs: 1, unrecognizedSightings: 2 });

    // The same request delivered again (Inngest dedupes by event id, but a replay must be harmless too).
    const again = await engineFor(first).execute();
    expect(again.result).toMatchObject({ syncRunId: first.syncRunId, status: "success", duplicate: true });
    expect(stepIdsCalled(again.ctx)).toEqual(["start", "release-lease"]);
    expect(again.ctx.step.sendEvent).not.toHaveBeenCalled();
    expect(await databaseCounts(connection.id)).toEqual(afterFirst);

    // A new run up to its completion step, then the completion step once more from the memoized state.
    const second = await queueRun(connection);
    const upToCompletion = await engineFor(second).executeStep("completion");
    const completed = upToCompletion.result as { ok: true; value: Record<string, number> };
    expect(completed.value).toMatchObject({ created: 0, updated: 0, deleted: 0, unchanged: 9, costRowsCreated: 0 });
    const afterCompletion = await databaseCounts(connection.id);
    expect(afterCompletion).toMatchObject({ resources: 9, states: 18, costRows: afterFirst.costRows, runs: 2, unrecognizedSightings: 4 });

    const memoized = await Promise.all(Object.entries(upToCompletion.state).map(async ([id, value]) => ({ id, idIsHashed: true, data: await value })));
    const before = memoized.filter((step) => step.id !== hashed("completion")).map(({ id, idIsHashed, data }) => ({ id, idIsHashed, handler: () => data }));
    const rerun = await engineFor(second).executeStep("completion", { steps: [...sendEventMocks(), ...before] });
    // Same changes (an earlier attempt's states are recognised), and the unknown types are not sighted twice.
    expect((rerun.result as typeof completed).value).toMatchObject({ created: 0, updated: 0, deleted: 0, unchanged: 9, costRowsCreated: 0, costRowsUpdated: 0, unrecognizedNew: 0 });
    expect(await databaseCounts(connection.id)).toEqual(afterCompletion);

    // The rest of the run from there: finish records it, nothing more is written.
    const throughCompletion = await Promise.all(Object.entries(rerun.state).map(async ([id, value]) => ({ id, data: await value })));
    const resumed = await engineFor(second).execute({ steps: [...sendEventMocks(), ...throughCompletion.map(({ id, data }) => ({ id, idIsHashed: true, handler: () => data }))] });
    expect(resumed.result).toMatchObject({ status: "success", counts: { created: 0, updated: 0, deleted: 0, unchanged: 9 } });
    expect(await databaseCounts(connection.id)).toEqual(afterCompletion);
    expect(await db.syncRun.findUniqueOrThrow({ where: { id: second.syncRunId } })).toMatchObject({ status: "success", resourcesUnchanged: 9 });
    expect(await db.syncArtifact.count()).toBe(0);
  });

  it("a wrong password ends the run `error` with Selectel's message, then fails the function as non-retriable", async () => {
    const { connection } = await connected({ accountId: scenario.account.id, serviceUserName: "svc-finops", serviceUserPassword: "Wrong-Passw0rd-1" });
    const data = await queueRun(connection);
    const { result, error, ctx } = await engineFor(data).execute();
    expect(result).toBeUndefined();
    expect(error).toMatchObject({ name: "NonRetriableError" });
    const run = await db.syncRun.findUniqueOrThrow({ where: { id: data.syncRunId } });
    expect(run.status).toBe("error");
    expect(run.error).toMatch(/authentication/i);
    expect((error as { message: string }).message).toBe(run.error);
    expect((run.phases as { id: string; status: string }[]).map((phase) => [phase.id, phase.status])).toEqual([["billing", "failed"]]);
    expect(ctx.step.sendEvent).toHaveBeenCalledWith(
      "emit-failed",
      expect.objectContaining({ name: "connection/sync.failed", data: expect.objectContaining({ syncRunId: data.syncRunId, error: expect.objectContaining({ kind: "auth", message: run.error }) }) }),
    );
    expect(await db.cloudConnection.findUniqueOrThrow({ where: { id: connection.id } })).toMatchObject({ status: "error", statusMessage: run.error });
    expect(await db.resource.count({ where: { connectionId: connection.id } })).toBe(0);
    expect(await db.syncLease.count()).toBe(0);
  });

  it("a transient provider error is thrown for Inngest to retry while attempts remain, and recorded on the last one", async () => {
    const { config } = await startSelectel(scenario, { serverErrors: { everyNth: 1, status: 503 } });
    const connection = await createSelectelConnection(scenario, config.endpoints, config.credentials);
    const data = await queueRun(connection);

    const early = await engineFor(data).execute();
    expect(early.error).toBeDefined();
    expect(early.error).not.toMatchObject({ name: "NonRetriableError" });
    // Nothing recorded as final: Inngest will run the billing step again.
    expect(await db.syncRun.findUniqueOrThrow({ where: { id: data.syncRunId } })).toMatchObject({ status: "running", finishedAt: null });
    expect(await db.syncLease.findUniqueOrThrow({ where: { connectionId: connection.id } })).toMatchObject({ syncRunId: data.syncRunId });

    const last = await engineFor(data)
      .clone({ transformCtx: (ctx) => ({ ...mockCtx(ctx), attempt: SYNC_RETRIES }) })
      .execute();
    expect(last.error).toMatchObject({ name: "NonRetriableError" });
    const run = await db.syncRun.findUniqueOrThrow({ where: { id: data.syncRunId } });
    expect(run.status).toBe("error");
    expect(run.error).toMatch(/503|unavailable/i);
    expect(await db.syncLease.count()).toBe(0);
  }, 60_000);
});
