import type { SandboxHandler } from "../http/sandbox-handler";
import { json } from "../http/sandbox-handler";
import type { SandboxScenario } from "../scenario";
import { cinderRouter } from "./cinder-routes";
import { gnocchiRouter } from "./gnocchi-routes";
import { keystoneRouter } from "./keystone-routes";
import { neutronRouter } from "./neutron-routes";
import { novaRouter } from "./nova-routes";
import { computeFault, gnocchiError, keystoneError, neutronFault } from "./openstack-faults";
import type { OpenStackSandboxContext } from "./openstack-sandbox-context";
import { hasTelemetry, keystoneUsers } from "./openstack-sandbox-context";
import { SandboxTokenStore } from "./sandbox-token-store";

export interface OpenStackSandboxOptions {
  /** Nova/Cinder max_limit (default 1000); when given, also Neutron's pagination_max_limit. */
  pageSize?: number;
  /** Path the handler is mounted under, e.g. "/api/sandbox/openstack"; catalog URLs include it. */
  basePath?: string;
  /** Clock for token issue and expiry. */
  now?: () => Date;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * One Fetch handler for a whole OpenStack cloud: Keystone at /identity/v3, and per region
 * /{region}/compute/v2.1 (Nova), /{region}/volume/v3/{project_id} (Cinder), /{region}/network/v2.0 (Neutron) and,
 * when the scenario has telemetry, /{region}/metric/v1 (Gnocchi).
 */
export function createOpenStackSandbox(scenario: SandboxScenario, options: OpenStackSandboxOptions = {}): SandboxHandler {
  const now = options.now ?? (() => new Date());
  const basePath = (options.basePath ?? "").replace(/\/+$/, "");
  const sandbox: OpenStackSandboxContext = {
    scenario,
    users: keystoneUsers(scenario),
    regions: new Set(scenario.regions.map((region) => region.name)),
    tokens: new SandboxTokenStore(now),
    pageSize: options.pageSize ?? 1000,
    neutronMaxLimit: options.pageSize ?? null,
    basePath,
    now,
  };
  const notFound = "The resource could not be found.";
  const services = {
    identity: keystoneRouter(sandbox).handler(() => keystoneError(404, notFound)),
    compute: novaRouter(sandbox).handler(() => computeFault(404, notFound)),
    volume: cinderRouter(sandbox).handler(() => computeFault(404, notFound)),
    network: neutronRouter(sandbox).handler(() => neutronFault(404, notFound)),
    metric: gnocchiRouter(sandbox).handler(() => gnocchiError(404, notFound)),
  };
  const identityPath = new RegExp(`^${escapeRegExp(basePath)}/identity(?:/|$)`);
  const regionalPath = new RegExp(`^${escapeRegExp(basePath)}/([^/]+)/(compute|volume|network|metric)(?:/|$)`);

  return async (request) => {
    const { pathname } = new URL(request.url);
    if (identityPath.test(pathname)) return services.identity(request);
    const regional = regionalPath.exec(pathname);
    // A cloud (or region) without telemetry has no Gnocchi to answer at all.
    if (regional && (regional[2] !== "metric" || hasTelemetry(scenario, regional[1]!))) {
      const service = regional[2] as keyof typeof services;
      if (!sandbox.regions.has(regional[1]!)) return service === "network" ? neutronFault(404, notFound) : computeFault(404, notFound);
      return services[service](request);
    }
    return json({ error: { code: 404, message: notFound } }, 404);
  };
}
