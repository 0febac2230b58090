import type { ProviderContext } from "@/server/providers/contract";
import { createProviderContext } from "@/server/providers/registry";
import { selectelPlugin } from "@/server/providers/selectel";
import type { SandboxFaults } from "@/server/sandbox/http/sandbox-faults";
import { SandboxState, withFaults } from "@/server/sandbox/http/sandbox-faults";
import type { SandboxHandler } from "@/server/sandbox/http/sandbox-handler";
import { startSandboxServer } from "@/server/sandbox/http/start-sandbox-server";
import type { SandboxScenario } from "@/server/sandbox/scenario";
import { createSelectelSandbox, regionOf } from "@/server/sandbox/selectel";

export interface SelectelHarness {
  url: string;
  state: SandboxState;
  /** Every request URL the sandbox received, query included (SandboxState records paths only). */
  requests: URL[];
  context: (credentials: Record<string, string>, options?: { concurrency?: number }) => ProviderContext;
  close: () => Promise<void>;
}

/** The Selectel sandbox on loopback with faults, and plugin contexts pointed at it with fast retries. */
export async function startSelectelHarness(scenario: SandboxScenario, options: { now: Date; pageSize?: number; faults?: SandboxFaults }): Promise<SelectelHarness> {
  const now = () => options.now;
  const state = new SandboxState(options.faults);
  const requests: URL[] = [];
  const sandbox = createSelectelSandbox(scenario, { pageSize: options.pageSize, now });
  const recording: SandboxHandler = (request) => {
    requests.push(new URL(request.url));
    return sandbox(request);
  };
  const server = await startSandboxServer(withFaults(recording, state, regionOf));
  return {
    url: server.url,
    state,
    requests,
    context: (credentials, contextOptions = {}) =>
      createProviderContext(selectelPlugin, {
        credentials,
        endpointOverrides: { identity: `${server.url}/identity/v3`, api: server.url, openstack: `${server.url}/{region}` },
        now,
        concurrency: contextOptions.concurrency,
        http: { backoffBaseMs: 1, maxRetryAfterMs: 20 },
      }),
    close: server.close,
  };
}

export function apiKeyOf(scenario: SandboxScenario): Record<string, string> {
  return { apiKey: scenario.auth.apiKeys[0]! };
}

export function serviceUserOf(scenario: SandboxScenario): Record<string, string> {
  const user = scenario.auth.users[0]!;
  return { accountId: scenario.account.id, serviceUserName: user.name, serviceUserPassword: user.password };
}
