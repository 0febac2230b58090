import type { SandboxScenario } from "../scenario";
import { stableHex } from "./stable-id";
import type { SandboxTokenStore } from "./sandbox-token-store";

export interface KeystoneDomain {
  id: string;
  name: string;
}

export interface KeystoneUser {
  id: string;
  name: string;
  password: string;
  domain: KeystoneDomain;
  /** Undefined: the user may scope to every project of the scenario. */
  projectIds?: string[];
}

/** What every OpenStack service handler of one sandbox shares. */
export interface OpenStackSandboxContext {
  scenario: SandboxScenario;
  users: KeystoneUser[];
  regions: Set<string>;
  tokens: SandboxTokenStore;
  /** Nova/Cinder `max_limit`; Neutron `pagination_max_limit` only when set explicitly. */
  pageSize: number;
  neutronMaxLimit: number | null;
  /** Path prefix the handler is mounted under ("" on a bare server). */
  basePath: string;
  now: () => Date;
}

/** Keystone's own default domain has id "default" and name "Default"; elsewhere (Selectel) both are the account number. */
export function domainOf(name: string): KeystoneDomain {
  return { id: name === "Default" ? "default" : name, name };
}

export function keystoneUsers(scenario: SandboxScenario): KeystoneUser[] {
  return scenario.auth.users.map((user) => ({
    id: stableHex(`user:${user.domain}:${user.name}`),
    name: user.name,
    password: user.password,
    domain: domainOf(user.domain),
    projectIds: user.projectIds,
  }));
}

export function userMayAccess(user: KeystoneUser, projectId: string): boolean {
  return !user.projectIds || user.projectIds.includes(projectId);
}

/** Base URL of the sandbox as the client reached it, so catalogs work on any port and behind a proxy route. */
export function publicBase(sandbox: OpenStackSandboxContext, url: URL): string {
  return `${url.origin}${sandbox.basePath}`;
}

/** `WWW-Authenticate` as keystonemiddleware sends it with every 401. */
export function authenticateHeader(sandbox: OpenStackSandboxContext, url: URL): Record<string, string> {
  return { "www-authenticate": `Keystone uri="${publicBase(sandbox, url)}/identity"` };
}

/** Whether the region runs Gnocchi: the scenario has telemetry and does not limit it to other regions. */
export function hasTelemetry(scenario: SandboxScenario, region: string): boolean {
  const telemetry = scenario.telemetry;
  return Boolean(telemetry) && (!telemetry!.regions || telemetry!.regions.includes(region));
}
