import type { ScenarioServer, ScenarioVolume } from "../scenario";
import { SandboxRouter, json } from "../http/sandbox-handler";
import { novaVersionHeaders, parseNovaMicroversion } from "./nova-microversion";
import { flavorView, serverView, volumesByServer } from "./nova-views";
import { AUTH_REQUIRED, computeFault } from "./openstack-faults";
import type { OpenStackSandboxContext } from "./openstack-sandbox-context";
import { authenticateHeader, publicBase } from "./openstack-sandbox-context";
import { linkWith, pageAfterMarker, parseLimit } from "./paginate-sandbox-list";
import type { SandboxToken } from "./sandbox-token-store";

interface NovaCall {
  url: URL;
  params: Record<string, string>;
  token: SandboxToken;
  minor: number;
  computeBase: string;
  headers: Record<string, string>;
}

type NovaHandle = (call: NovaCall) => Response;

/** Nova's default order: newest first, ties by id. */
function newestFirst(a: ScenarioServer, b: ScenarioServer): number {
  return b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id);
}

export function novaRouter(sandbox: OpenStackSandboxContext): SandboxRouter {
  const prefix = `${sandbox.basePath}/:region/compute/v2.1`;

  // keystonemiddleware rejects before the API sees the request; the microversion is then applied to everything.
  const guarded =
    (handle: NovaHandle) =>
    (request: Request, params: Record<string, string>, url: URL): Response => {
      const token = sandbox.tokens.projectToken(request);
      if (!token) return computeFault(401, AUTH_REQUIRED, authenticateHeader(sandbox, url));
      const version = parseNovaMicroversion(request.headers);
      if (!version.ok) return computeFault(version.status, version.message);
      const computeBase = `${publicBase(sandbox, url)}/${params.region}/compute/v2.1`;
      return handle({ url, params, token, minor: version.minor, computeBase, headers: novaVersionHeaders(version.minor) });
    };

  // Computed once per sandbox (like the billing index: scenarios do not change under a running sandbox) rather
  // than on every page of every listing; never mutated.
  let attached: Map<string, ScenarioVolume[]> | undefined;
  const attachedVolumes = () => (attached ??= volumesByServer(sandbox.scenario.volumes));
  const listings = new Map<string, ScenarioServer[]>();
  const serversOf = (call: NovaCall) => {
    const key = `${call.token.project?.id}\u0000${call.params.region}`;
    let servers = listings.get(key);
    if (!servers) {
      servers = sandbox.scenario.servers.filter((server) => server.projectId === call.token.project?.id && server.region === call.params.region).sort(newestFirst);
      listings.set(key, servers);
    }
    return servers;
  };

  /** `?limit=&marker=`; `<collection>_links` rel next only when the page is full (nova/api/openstack/common.py). */
  const list = <T extends { id: string }>(call: NovaCall, collection: string, items: T[], view: (item: T) => unknown) => {
    const parsed = parseLimit(call.url.searchParams.get("limit"));
    if (!parsed.ok) return computeFault(400, "Invalid input for query parameters limit.", call.headers);
    const limit = Math.min(parsed.limit ?? sandbox.pageSize, sandbox.pageSize);
    const marker = call.url.searchParams.get("marker");
    const page = pageAfterMarker(items, marker, limit);
    if (!page) return computeFault(400, `marker [${marker}] not found`, call.headers);
    const last = page.at(-1);
    const links = page.length === limit && last ? [{ rel: "next", href: linkWith(call.url, { marker: last.id }) }] : [];
    return json({ [collection]: page.map(view), ...(links.length ? { [`${collection}_links`]: links } : {}) }, 200, call.headers);
  };

  const flavors = () => [...sandbox.scenario.flavors].sort((a, b) => a.id.localeCompare(b.id, undefined, { numeric: true }));

  return new SandboxRouter()
    .on(
      "GET",
      `${prefix}/servers/detail`,
      guarded((call) => list(call, "servers", serversOf(call), (server) => serverView(sandbox, call.computeBase, server, call.minor, attachedVolumes()))),
    )
    .on(
      "GET",
      `${prefix}/servers`,
      guarded((call) =>
        list(call, "servers", serversOf(call), (server) => ({
          id: server.id,
          name: server.name,
          links: [{ rel: "self", href: `${call.computeBase}/servers/${server.id}` }],
        })),
      ),
    )
    .on(
      "GET",
      `${prefix}/servers/:id`,
      guarded((call) => {
        const server = serversOf(call).find((candidate) => candidate.id === call.params.id);
        if (!server) return computeFault(404, "Instance could not be found.", call.headers);
        return json({ server: serverView(sandbox, call.computeBase, server, call.minor, attachedVolumes()) }, 200, call.headers);
      }),
    )
    .on("GET", `${prefix}/flavors/detail`, guarded((call) => list(call, "flavors", flavors(), (flavor) => flavorView(call.computeBase, flavor, call.minor))))
    .on(
      "GET",
      `${prefix}/flavors`,
      guarded((call) =>
        list(call, "flavors", flavors(), (flavor) => ({ id: flavor.id, name: flavor.name, links: [{ rel: "self", href: `${call.computeBase}/flavors/${flavor.id}` }] })),
      ),
    )
    .on(
      "GET",
      `${prefix}/flavors/:id`,
      guarded((call) => {
        const flavor = sandbox.scenario.flavors.find((candidate) => candidate.id === call.params.id);
        if (!flavor) return computeFault(404, `Flavor ${call.params.id} could not be found.`, call.headers);
        return json({ flavor: flavorView(call.computeBase, flavor, call.minor) }, 200, call.headers);
      }),
    );
}
