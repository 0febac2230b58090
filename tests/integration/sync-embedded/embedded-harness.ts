import { db } from "@/server/db";
import type { SandboxScenario } from "@/server/sandbox/scenario";
import { selectelSeedScenario } from "@/server/sandbox/scenarios/selectel-seed";
import { createSelectelConnection, startSelectel } from "../inngest/inngest-harness";

export { resetBetweenTests, startSelectel } from "../inngest/inngest-harness";

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A Selectel connection on the sandbox (seed scenario unless told otherwise). */
export async function selectelConnection(scenario: SandboxScenario = selectelSeedScenario, faults: Parameters<typeof startSelectel>[1] = {}) {
  const { config, state } = await startSelectel(scenario, faults);
  const connection = await createSelectelConnection(scenario, config.endpoints, config.credentials);
  return { connection, state };
}

/** Polls a run until it leaves queued/running, the way the UI's progress bar does. */
export async function waitForRun(syncRunId: string, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const run = await db.syncRun.findUniqueOrThrow({ where: { id: syncRunId } });
    if (run.status !== "queued" && run.status !== "running") return run;
    if (Date.now() > deadline) throw new Error(`run ${syncRunId} still ${run.status} after ${timeoutMs} ms`);
    await sleep(25);
  }
}
