import { createProviderContext } from "@/server/providers/registry";
import type { ProviderContext } from "@/server/providers/contract";
import { openstackPlugin } from "@/server/providers/openstack";
import { authenticateKeystone } from "@/server/providers/lib/openstack";
import type { OpenStackProjectScope } from "@/server/providers/lib/openstack";
import { SandboxState, withFaults } from "@/server/sandbox/http/sandbox-faults";
import { startSandboxServer } from "@/server/sandbox/http/start-sandbox-server";
import type { RunningSandbox } from "@/server/sandbox/http/start-sandbox-server";
import { createOpenStackSandbox, regionOf } from "@/server/sandbox/openstack";
import type { OpenStackSandboxOptions } from "@/server/sandbox/openstack";
import { OPENSTACK_BASIC_PROJECTS, OPENSTACK_BASIC_RATE_CARD, OPENSTACK_BASIC_USERS, openstackBasicScenario } from "@/server/sandbox/scenarios/openstack-basic";

export interface OpenStackSandboxRun {
  sandbox: RunningSandbox;
  state: SandboxState;
  authUrl: string;
}

/** The openstack-basic cloud on loopback, behind the fault injector. */
export async function startOpenStackSandbox(options: OpenStackSandboxOptions = {}): Promise<OpenStackSandboxRun> {
  const state = new SandboxState();
  const sandbox = await startSandboxServer(withFaults(createOpenStackSandbox(openstackBasicScenario, options), state, regionOf));
  return { sandbox, state, authUrl: `${sandbox.url}${(options.basePath ?? "").replace(/\/+$/, "")}/identity/v3` };
}

export interface TestContextOptions {
  credentials?: Record<string, unknown>;
  settings?: Record<string, unknown>;
  now?: () => Date;
  /** Receives every wait the HTTP client asks for (no real sleeping). */
  waits?: number[];
}

/** A context for the generic plugin connected as "finops" to project production; retries never really wait. */
export function openstackContext(run: OpenStackSandboxRun, options: TestContextOptions = {}): ProviderContext {
  const { finops } = OPENSTACK_BASIC_USERS;
  return createProviderContext(openstackPlugin, {
    credentials: { authUrl: run.authUrl, username: finops.name, password: finops.password, projectName: OPENSTACK_BASIC_PROJECTS.production.name, ...options.credentials },
    settings: options.settings ?? OPENSTACK_BASIC_RATE_CARD,
    now: options.now,
    http: {
      backoffBaseMs: 1,
      sleep: async (ms) => {
        options.waits?.push(ms);
      },
    },
  });
}

/** Project-scoped token and catalog for production, as the Selectel plugin would get them. */
export async function productionScope(ctx: ProviderContext, run: OpenStackSandboxRun, region: string): Promise<OpenStackProjectScope> {
  const { finops } = OPENSTACK_BASIC_USERS;
  const session = await authenticateKeystone(ctx, {
    authUrl: run.authUrl,
    user: { name: finops.name, domainName: finops.domain },
    password: finops.password,
    scope: { project: { id: OPENSTACK_BASIC_PROJECTS.production.id } },
  });
  return { token: session.token, projectId: OPENSTACK_BASIC_PROJECTS.production.id, region, catalog: session.catalog };
}

export function callsMatching(state: SandboxState, pattern: RegExp) {
  return state.calls.filter((call) => pattern.test(call.path));
}
