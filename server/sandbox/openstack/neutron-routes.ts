import { SandboxRouter, json } from "../http/sandbox-handler";
import { neutronPorts } from "./neutron-ports";
import type { NeutronPort } from "./neutron-ports";
import { AUTH_REQUIRED, neutronFault } from "./openstack-faults";
import type { OpenStackSandboxContext } from "./openstack-sandbox-context";
import { authenticateHeader } from "./openstack-sandbox-context";
import { linkWith, pageAfterMarker, parseLimit } from "./paginate-sandbox-list";

const FILTERS = ["id", "device_id", "device_owner", "network_id", "mac_address", "status", "name"] as const;

/**
 * neutron/api/api_common.py: links only when a limit applies; `next` unless a forward page came back short,
 * `previous` unless a reverse page came back short (so the first forward page has a `previous`, as Neutron does).
 */
function paginationLinks(url: URL, page: NeutronPort[], limit: number, reverse: boolean, marker: string | null) {
  const links: { rel: string; href: string }[] = [];
  const first = page[0]?.id ?? marker;
  const last = page.at(-1)?.id ?? marker;
  if (!(page.length < limit && !reverse) && last) links.push({ rel: "next", href: linkWith(url, { limit: String(limit), marker: last, page_reverse: null }) });
  if (!(page.length < limit && reverse) && first) links.push({ rel: "previous", href: linkWith(url, { limit: String(limit), marker: first, page_reverse: "True" }) });
  return links;
}

export function neutronRouter(sandbox: OpenStackSandboxContext): SandboxRouter {
  const prefix = `${sandbox.basePath}/:region/network/v2.0`;
  // Built once per project and region (every request and page reads them); never mutated.
  const listings = new Map<string, NeutronPort[]>();
  const portsOf = (projectId: string, region: string) => {
    const key = `${projectId}\u0000${region}`;
    let ports = listings.get(key);
    if (!ports) {
      ports = neutronPorts(sandbox, projectId, region);
      listings.set(key, ports);
    }
    return ports;
  };

  const guarded =
    (handle: (url: URL, ports: NeutronPort[], params: Record<string, string>) => Response) =>
    (request: Request, params: Record<string, string>, url: URL): Response => {
      const token = sandbox.tokens.projectToken(request);
      if (!token?.project) return neutronFault(401, AUTH_REQUIRED, authenticateHeader(sandbox, url));
      return handle(url, portsOf(token.project.id, params.region ?? ""), params);
    };

  return new SandboxRouter()
    .on(
      "GET",
      `${prefix}/ports`,
      guarded((url, allPorts) => {
        const query = url.searchParams;
        const ports = allPorts.filter((port) => FILTERS.every((key) => !query.has(key) || query.getAll(key).includes(String(port[key]))));
        const parsed = parseLimit(query.get("limit"));
        if (!parsed.ok) return neutronFault(400, `Bad limit request: Limit must be an integer 0 or greater and not '${query.get("limit")}'.`);
        const requested = parsed.limit || null;
        const limit = requested && sandbox.neutronMaxLimit ? Math.min(requested, sandbox.neutronMaxLimit) : (requested ?? sandbox.neutronMaxLimit);
        // Without a limit (and no pagination_max_limit) Neutron ignores marker and returns everything.
        if (!limit) return json({ ports });
        const marker = query.get("marker");
        const reverse = query.get("page_reverse")?.toLowerCase() === "true";
        const page = pageAfterMarker(ports, marker, limit, reverse);
        if (!page) return neutronFault(404, `Port ${marker} could not be found.`);
        return json({ ports: page, ports_links: paginationLinks(url, page, limit, reverse, marker) });
      }),
    )
    .on(
      "GET",
      `${prefix}/ports/:id`,
      guarded((_url, ports, params) => {
        const port = ports.find((candidate) => candidate.id === params.id);
        if (!port) return neutronFault(404, `Port ${params.id} could not be found.`);
        return json({ port });
      }),
    );
}
