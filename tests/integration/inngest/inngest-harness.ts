import { createHash } from "node:crypto";
import { InngestTestEngine } from "@inngest/test";
import { afterEach, beforeEach } from "vitest";
import type { SyncRequestedData } from "@/inngest/events";
import { syncConnectionFunction } from "@/inngest/functions/sync/sync-connection";
import { db } from "@/server/db";
import { startSandboxServer, type RunningSandbox } from "@/server/sandbox/http/start-sandbox-server";
import { SandboxState, withFaults, type SandboxFaults } from "@/server/sandbox/http/sandbox-faults";
import { getSandbox } from "@/server/sandbox/registry";
import type { SandboxScenario } from "@/server/sandbox/scenario";
import { encryptCredentials } from "@/server/security/credentials-cipher";
import { SYSTEM_IDENTITY } from "@/server/services/audit/record-audit-event";
import { claimConnectionSync } from "@/server/services/sync/claim-connection-sync";
import { accountKeyOf } from "@/server/services/sync/find-due-connections";
import { createUserWithOrganization } from "../helpers/test-callers";
import { truncateAllTables } from "../setup/worker-database";

/** Inngest memoizes step results under sha1(step id): how @inngest/test's `state` is keyed. */
export function hashed(stepId: string): string {
  return createHash("sha1").update(stepId).digest("hex");
}

const running: RunningSandbox[] = [];

export function resetBetweenTests() {
  beforeEach(truncateAllTables);
  afterEach(async () => {
    await Promise.all(running.splice(0).map((sandbox) => sandbox.close()));
  });
}

/** The Selectel sandbox on loopback (real time, as the app's own), with optional faults. */
export async function startSelectel(scenario: SandboxScenario, faults: SandboxFaults = {}) {
  const definition = getSandbox("selectel");
  const state = new SandboxState(faults);
  const sandbox = await startSandboxServer(withFaults(definition.create(scenario, {}), state, definition.regionOf));
  running.push(sandbox);
  return { sandbox, state, config: definition.connection(scenario, sandbox.url) };
}

/** An organization with one Selectel connection pointed at `sandboxUrl`. */
export async function createSelectelConnection(scenario: SandboxScenario, endpoints: Record<string, string>, credentials: Record<string, unknown>, name = scenario.name) {
  const { organization } = await createUserWithOrganization();
  const { encrypted, keyId } = encryptCredentials(credentials);
  return db.cloudConnection.create({
    data: { organizationId: organization.id, providerId: "selectel", name, encryptedCredentials: encrypted, credentialsKeyId: keyId, endpointOverrides: endpoints },
  });
}

/** What requestConnectionSync does in Inngest mode before sending: a queued run under an Inngest lease. */
export async function queueRun(connection: { id: string; organizationId: string; providerId: string; accountId: string | null }, trigger: SyncRequestedData["trigger"] = "manual"): Promise<SyncRequestedData> {
  const claim = await claimConnectionSync(db, SYSTEM_IDENTITY, { connection, trigger, mode: "inngest" });
  return { connectionId: connection.id, organizationId: connection.organizationId, syncRunId: claim.syncRunId, trigger, accountKey: accountKeyOf(connection) };
}

/**
 * step.sendEvent is not intercepted by @inngest/test (it would call the dev server): these mocks stand in. A new
 * array every time: the engine appends the memoized steps of a run to the `steps` array it was given.
 */
export function sendEventMocks() {
  return [
    { id: "emit-completed", handler: () => ({ ids: ["mock-completed"] }) },
    { id: "emit-failed", handler: () => ({ ids: ["mock-failed"] }) },
  ];
}

export function engineFor(data: SyncRequestedData) {
  return new InngestTestEngine({
    function: syncConnectionFunction,
    events: [{ name: "connection/sync.requested", data }],
    steps: sendEventMocks(),
  });
}
