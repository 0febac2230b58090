import { TRPCError } from "@trpc/server";
import { expect } from "vitest";
import { createUserWithOrganization, type callerFor } from "../helpers/test-callers";
import { startSandboxServer, type RunningSandbox } from "@/server/sandbox/http/start-sandbox-server";
import { getSandbox } from "@/server/sandbox/registry";
import type { SandboxScenario } from "@/server/sandbox/scenario";
import { selectelMultiProjectScenario } from "@/server/sandbox/scenarios/selectel-multi-project";

export type Caller = ReturnType<typeof callerFor>;

export const SELECTEL_PASSWORD = selectelMultiProjectScenario.auth.users[0]!.password;
export const SELECTEL_API_KEY = selectelMultiProjectScenario.auth.apiKeys[0]!;

/** The Selectel sandbox on loopback, and the form values that point a connection at it. */
export async function startSelectel(scenario: SandboxScenario = selectelMultiProjectScenario) {
  const definition = getSandbox("selectel");
  const server: RunningSandbox = await startSandboxServer(definition.create(scenario, {}));
  const config = definition.connection(scenario, server.url);
  return { server, credentials: config.credentials as Record<string, string>, endpoints: config.endpoints, close: () => server.close() };
}

export async function expectTrpcError(promise: Promise<unknown>, code: TRPCError["code"]): Promise<TRPCError> {
  const error = await promise.then(() => null, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(TRPCError);
  expect((error as TRPCError).code).toBe(code);
  return error as TRPCError;
}

/** Polls the run the way the progress bar does until it leaves queued/running; returns every state seen. */
export async function waitForRun(caller: Caller, id: string, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  const seen: Awaited<ReturnType<Caller["syncRun"]["get"]>>[] = [];
  for (;;) {
    const run = await caller.syncRun.get({ id });
    seen.push(run);
    if (run.status !== "queued" && run.status !== "running") return { run, seen };
    if (Date.now() > deadline) throw new Error(`sync run ${id} still ${run.status} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/**
 * A new organization whose owner connects the Selectel sandbox as `name` and syncs it once, successfully. The
 * sandbox joins `running`, for the suite's afterAll to close.
 */
export async function syncSelectelOrganization(name: string, running: { close: () => Promise<void> }[]) {
  const owner = await createUserWithOrganization();
  const selectel = await startSelectel();
  running.push(selectel);
  const { id } = await owner.caller.connection.create({ providerId: "selectel", name, credentials: selectel.credentials, endpoints: selectel.endpoints });
  const { syncRunId } = await owner.caller.connection.sync({ id });
  const { run } = await waitForRun(owner.caller, syncRunId);
  expect(run.status).toBe("success");
  return { ...owner, connectionId: id, syncRunId };
}
