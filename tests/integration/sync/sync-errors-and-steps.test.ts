import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { ProviderError } from "@/server/providers/errors";
import { encryptCredentials } from "@/server/security/credentials-cipher";
import type { SyncStep } from "@/server/sync/run-billing-first-sync";
import type { PhaseRecord } from "@/server/sync/model/unified-resource";
import { phaseProgressHooks } from "@/server/sync/persistence/sync-run-records";
import { createInProcessStep } from "@/server/sync/sync-step";
import { billingSnapshot, vmWithBootVolume } from "../../unit/sync/fixtures/contract-data";
import { h, sync, statesOf, UNKNOWN, resetBeforeEachTest } from "./sync-harness";

resetBeforeEachTest();

describe("syncConnection: errors, retried steps and live progress", () => {
  it("a late copy of a step (Inngest delivers at least once) cannot write progress over a finished run", async () => {
    const result = await sync();
    const finished = await db.syncRun.findUniqueOrThrow({ where: { id: result.syncRunId } });
    const hooks = phaseProgressHooks(result.syncRunId);
    const late = (finished.phases as unknown as PhaseRecord[]).find((phase) => phase.id === "completion")!;
    await hooks.onPhaseStart!({ ...late, status: "running", finishedAt: null, durationMs: null });
    const after = await db.syncRun.findUniqueOrThrow({ where: { id: result.syncRunId } });
    expect(after.phases).toEqual(finished.phases);
    expect(after.currentPhase).toBeNull();
  });

  it("an auth error ends the run `error` with the provider's message and loses nothing", async () => {
    await sync();
    const before = { resources: await db.resource.findMany({ where: { connectionId: h.connectionId } }), costs: await db.costRecord.count({ where: { connectionId: h.connectionId } }) };
    h.state.fail = { at: "collectBilling", error: new ProviderError("Fake billing: 401 — Invalid API key", { provider: "fake", kind: "auth", status: 401, providerMessage: "Invalid API key" }) };
    const result = await sync();
    expect(result.status).toBe("error");
    const run = await db.syncRun.findUniqueOrThrow({ where: { id: result.syncRunId } });
    expect(run).toMatchObject({ status: "error", error: "Fake billing: 401 — Invalid API key", monthlyCostTotal: null, resourcesDeleted: 0 });
    expect(run.finishedAt).not.toBeNull();
    expect((run.phases as { id: string; status: string }[]).map((phase) => [phase.id, phase.status])).toEqual([["billing", "failed"]]);
    const after = await db.resource.findMany({ where: { connectionId: h.connectionId } });
    expect(after.map((resource) => [resource.providerResourceId, resource.isActive, resource.status, resource.monthlyCost.toFixed(2)]).sort()).toEqual(
      before.resources.map((resource) => [resource.providerResourceId, resource.isActive, resource.status, resource.monthlyCost.toFixed(2)]).sort(),
    );
    expect(await db.costRecord.count({ where: { connectionId: h.connectionId } })).toBe(before.costs);
    expect(await db.resourceState.count({ where: { syncRunId: result.syncRunId } })).toBe(0);
    const connection = await db.cloudConnection.findUniqueOrThrow({ where: { id: h.connectionId } });
    expect(connection).toMatchObject({ status: "error", statusMessage: "Fake billing: 401 — Invalid API key", accountId: "123456" });
    expect(connection.balance?.toFixed(2)).toBe("15000.50");
  });

  it("credentials the plugin rejects end the run `error` before any provider call", async () => {
    const { encrypted } = encryptCredentials({ token: "" });
    await db.cloudConnection.update({ where: { id: h.connectionId }, data: { encryptedCredentials: encrypted } });
    const result = await sync();
    expect(result.status).toBe("error");
    const run = await db.syncRun.findUniqueOrThrow({ where: { id: result.syncRunId } });
    expect(run.error).toMatch(/Fake Cloud: invalid credentials/);
    expect(h.state.calls).toEqual([]);
  });

  it("every step can run twice (a durable runner retrying it) without duplicating states, rows or sightings", async () => {
    await sync();
    h.state.billing = billingSnapshot([...vmWithBootVolume("vm-1", "web-1", 400, 24), UNKNOWN]);
    h.state.inventory!.regions[0]!.servers = h.state.inventory!.regions[0]!.servers.filter((vm) => vm.id === "vm-1");
    h.state.inventory!.regions[0]!.volumes = h.state.inventory!.regions[0]!.volumes.filter((disk) => disk.id === "vm-1-boot");
    const inner = createInProcessStep();
    const seen: string[] = [];
    const twice: SyncStep = {
      run: (id, fn) =>
        inner.run(id, async () => {
          seen.push(id);
          if (id !== "start" && id !== "finish") await fn();
          return fn();
        }),
    };
    const result = await sync(twice);
    expect(result.status).toBe("success");
    expect(seen).toEqual(["start", "billing", "group-by-type", "vms", "volumes", "file-storage", "other-services", "unification", "completion", "finish"]);
    const states = await statesOf(result.syncRunId);
    expect(Object.keys(states).sort()).toEqual(["123456", "proj-a", "vm-1", "vm-2"]);
    expect(states["vm-1"]).toMatchObject({ change: "updated", costChanged: true });
    expect(states["vm-2"]).toMatchObject({ change: "deleted" });
    expect(await db.resource.count({ where: { connectionId: h.connectionId } })).toBe(4);
    // vm-2 vanished from billing altogether, yet its recorded days are history and stay.
    expect(await db.costRecord.count({ where: { connectionId: h.connectionId } })).toBe(12);
    expect((await db.unrecognizedResource.findFirstOrThrow({ where: { connectionId: h.connectionId } })).sightings).toBe(2);
    expect(await db.unrecognizedResourceSighting.count()).toBe(2);
    const run = await db.syncRun.findUniqueOrThrow({ where: { id: result.syncRunId } });
    expect(run).toMatchObject({ resourcesUpdated: 1, resourcesDeleted: 1, resourcesUnchanged: 2 });
  });

  it("stores progress while it runs: current phase and finished phases are visible between steps", async () => {
    const inner = createInProcessStep();
    const snapshots: { step: string; currentPhase: string | null; done: number }[] = [];
    const watching: SyncStep = {
      run: async (id, fn) => {
        const result = await inner.run(id, fn);
        const run = await db.syncRun.findFirst({ where: { connectionId: h.connectionId }, orderBy: { createdAt: "desc" } });
        snapshots.push({ step: id, currentPhase: run?.currentPhase ?? null, done: (run?.phases as { status: string }[] | undefined)?.filter((phase) => phase.status === "success").length ?? 0 });
        return result;
      },
    };
    await sync(watching);
    expect(snapshots.find((snapshot) => snapshot.step === "vms")).toEqual({ step: "vms", currentPhase: "vms", done: 3 });
    expect(snapshots.at(-1)).toEqual({ step: "finish", currentPhase: null, done: 8 });
  });
});
