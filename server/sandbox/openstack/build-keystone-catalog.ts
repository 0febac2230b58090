import type { OpenStackSandboxContext } from "./openstack-sandbox-context";
import { hasTelemetry, publicBase } from "./openstack-sandbox-context";
import { stableHex } from "./stable-id";

interface CatalogService {
  type: string;
  name: string;
  /** Null when the service has no endpoint there (a URL needing a project id the token lacks, a region without it). */
  url: (region: string) => string | null;
}

const INTERFACES = ["public", "internal"] as const;

/**
 * The service catalog of a token: for every scenario region, compute, volumev3 and network endpoints (and metric
 * when the scenario has telemetry) built from the request's own origin, so the sandbox works on any port and mounted inside the app.
 */
export function buildKeystoneCatalog(sandbox: OpenStackSandboxContext, url: URL, projectId: string | null) {
  const base = publicBase(sandbox, url);
  const regions = sandbox.scenario.regions.map((region) => region.name);
  const services: CatalogService[] = [
    { type: "compute", name: "nova", url: (region) => `${base}/${region}/compute/v2.1` },
    // Cinder's catalog URL is templated with the project id (…/v3/%(project_id)s).
    { type: "volumev3", name: "cinderv3", url: (region) => (projectId ? `${base}/${region}/volume/v3/${projectId}` : null) },
    // Neutron's endpoint is unversioned; clients append /v2.0.
    { type: "network", name: "neutron", url: (region) => `${base}/${region}/network` },
    // Gnocchi registers unversioned too (…:8041); Selectel's is https://{pool}.cloud.api.selcloud.ru/metric.
    ...(sandbox.scenario.telemetry && sandbox.scenario.telemetry.inCatalog !== false ? [{ type: "metric", name: "gnocchi", url: (region: string) => (hasTelemetry(sandbox.scenario, region) ? `${base}/${region}/metric` : null) }] : []),
  ];
  const catalog = services.map((service) => ({
    type: service.type,
    name: service.name,
    id: stableHex(`service:${service.type}`),
    endpoints: regions.flatMap((region) => {
      const endpointUrl = service.url(region);
      if (!endpointUrl) return [];
      return INTERFACES.map((iface) => ({
        id: stableHex(`endpoint:${service.type}:${region}:${iface}`),
        interface: iface,
        region,
        region_id: region,
        url: endpointUrl,
      }));
    }),
  }));
  const identityRegion = regions[0] ?? "RegionOne";
  catalog.push({
    type: "identity",
    name: "keystone",
    id: stableHex("service:identity"),
    endpoints: INTERFACES.map((iface) => ({
      id: stableHex(`endpoint:identity:${iface}`),
      interface: iface,
      region: identityRegion,
      region_id: identityRegion,
      url: `${base}/identity`,
    })),
  });
  return catalog;
}
