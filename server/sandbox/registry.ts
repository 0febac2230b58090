import { createOpenStackSandbox, regionOf as openstackRegionOf } from "./openstack";
import type { SandboxScenario } from "./scenario";
import { OPENSTACK_BASIC_PROJECTS, OPENSTACK_BASIC_RATE_CARD, OPENSTACK_BASIC_USERS, openstackBasicScenario } from "./scenarios/openstack-basic";
import { generateLargeSelectelScenario } from "./scenarios/selectel-large";
import { selectelMultiProjectScenario } from "./scenarios/selectel-multi-project";
import { selectelDemoBuAScenario } from "./scenarios/selectel-demo-bu-a";
import { selectelDemoBuBScenario } from "./scenarios/selectel-demo-bu-b";
import { selectelSeedScenario } from "./scenarios/selectel-seed";
import { createSelectelSandbox, regionOf as selectelRegionOf } from "./selectel";
import type { SandboxHandler } from "./http/sandbox-handler";

/** How a connection is configured to talk to a running sandbox: what `inventory --config` and the demo use. */
export interface SandboxConnectionConfig {
  credentials: Record<string, unknown>;
  endpoints: Record<string, string>;
  settings: Record<string, unknown>;
}

export interface SandboxDefinition {
  providerId: string;
  /** Scenario factories; the demo ones are built relative to `now` so their history always ends today. */
  scenarios: Record<string, (now?: Date) => SandboxScenario>;
  defaultScenario: string;
  create(scenario: SandboxScenario, options: { pageSize?: number; basePath?: string; now?: () => Date }): SandboxHandler;
  regionOf(url: URL): string | null;
  /** The connection settings that point the provider's plugin at a sandbox served from `baseUrl`. */
  connection(scenario: SandboxScenario, baseUrl: string): SandboxConnectionConfig;
}

/** Every provider sandbox, by provider id (the same ids as the plugin registry). */
export const SANDBOXES: Record<string, SandboxDefinition> = {
  selectel: {
    providerId: "selectel",
    scenarios: {
      seed: () => selectelSeedScenario,
      "multi-project": () => selectelMultiProjectScenario,
      large: () => generateLargeSelectelScenario(),
      "demo-bu-a": (now) => selectelDemoBuAScenario(now),
      "demo-bu-b": (now) => selectelDemoBuBScenario(now),
    },
    defaultScenario: "seed",
    create: createSelectelSandbox,
    regionOf: selectelRegionOf,
    connection: (scenario, baseUrl) => {
      const user = scenario.auth.users[0];
      return {
        credentials: user
          ? { accountId: scenario.account.id, serviceUserName: user.name, serviceUserPassword: user.password }
          : { apiKey: scenario.auth.apiKeys[0] },
        endpoints: { identity: `${baseUrl}/identity/v3`, api: baseUrl, openstack: `${baseUrl}/{region}` },
        settings: {},
      };
    },
  },
  openstack: {
    providerId: "openstack",
    scenarios: { basic: () => openstackBasicScenario },
    defaultScenario: "basic",
    create: createOpenStackSandbox,
    regionOf: openstackRegionOf,
    connection: (_scenario, baseUrl) => ({
      credentials: {
        authUrl: `${baseUrl}/identity/v3`,
        username: OPENSTACK_BASIC_USERS.finops.name,
        password: OPENSTACK_BASIC_USERS.finops.password,
        projectName: OPENSTACK_BASIC_PROJECTS.production.name,
      },
      endpoints: {},
      settings: OPENSTACK_BASIC_RATE_CARD,
    }),
  },
};

export function getSandbox(providerId: string): SandboxDefinition {
  const sandbox = SANDBOXES[providerId];
  if (!sandbox) throw new Error(`No sandbox for provider "${providerId}". Known: ${Object.keys(SANDBOXES).join(", ")}`);
  return sandbox;
}
