import type { ScenarioVolume } from "../scenario";
import { SandboxRouter, json } from "../http/sandbox-handler";
import { AUTH_REQUIRED, computeFault } from "./openstack-faults";
import type { OpenStackSandboxContext } from "./openstack-sandbox-context";
import { authenticateHeader, publicBase } from "./openstack-sandbox-context";
import { linkWith, pageAfterMarker, parseLimit } from "./paginate-sandbox-list";
import { stableHex, stableUuid } from "./stable-id";

const CINDER_MAX_MINOR = 70;

/** `OpenStack-API-Version: volume 3.x`, echoed back; absent means 3.0. Null when unsupported. */
function volumeMicroversion(headers: Headers): number | null {
  const requested = headers
    .get("openstack-api-version")
    ?.split(",")
    .map((part) => part.trim().split(/\s+/))
    .find(([service]) => service?.toLowerCase() === "volume")?.[1];
  if (!requested) return 0;
  if (requested.toLowerCase() === "latest") return CINDER_MAX_MINOR;
  const match = /^3\.(\d+)$/.exec(requested);
  const minor = match ? Number(match[1]) : NaN;
  return minor <= CINDER_MAX_MINOR ? minor : null;
}

function volumeView(volumeBase: string, volume: ScenarioVolume, minor: number) {
  const attachment = volume.attachment;
  return {
    id: volume.id,
    name: volume.name,
    status: volume.status,
    size: volume.sizeGb,
    availability_zone: volume.zone,
    created_at: volume.createdAt.replace(/Z$/, ".000000"),
    updated_at: null,
    description: null,
    volume_type: volume.volumeType,
    ...(minor >= 63 ? { volume_type_id: stableUuid(`volume-type:${volume.volumeType}`) } : {}),
    snapshot_id: null,
    source_volid: null,
    metadata: {},
    // Cinder has always sent bootable as a string.
    bootable: volume.bootable ? "true" : "false",
    encrypted: false,
    multiattach: false,
    replication_status: null,
    consistencygroup_id: null,
    migration_status: null,
    user_id: stableHex(`user-of:${volume.projectId}`),
    "os-vol-tenant-attr:tenant_id": volume.projectId,
    links: [
      { rel: "self", href: `${volumeBase}/volumes/${volume.id}` },
      { rel: "bookmark", href: `${volumeBase}/volumes/${volume.id}` },
    ],
    // In Cinder's view the attachment "id" is the volume id; the attachment's own id is attachment_id.
    attachments: attachment
      ? [
          {
            id: volume.id,
            attachment_id: stableUuid(`attachment:${volume.id}:${attachment.serverId}`),
            volume_id: volume.id,
            server_id: attachment.serverId,
            host_name: null,
            device: attachment.device,
            attached_at: volume.createdAt.replace(/Z$/, ".000000"),
          },
        ]
      : [],
  };
}

export function cinderRouter(sandbox: OpenStackSandboxContext): SandboxRouter {
  const prefix = `${sandbox.basePath}/:region/volume/v3/:projectId`;

  const guarded =
    (handle: (url: URL, params: Record<string, string>, minor: number, headers: Record<string, string>, volumeBase: string) => Response) =>
    (request: Request, params: Record<string, string>, url: URL): Response => {
      if (!sandbox.tokens.projectToken(request, params.projectId)) return computeFault(401, AUTH_REQUIRED, authenticateHeader(sandbox, url));
      const minor = volumeMicroversion(request.headers);
      if (minor === null) return computeFault(406, `Version ${request.headers.get("openstack-api-version")} is not supported by the API.`);
      const headers = { "openstack-api-version": `volume 3.${minor}`, vary: "OpenStack-API-Version" };
      return handle(url, params, minor, headers, `${publicBase(sandbox, url)}/${params.region}/volume/v3/${params.projectId}`);
    };

  // Filtered and sorted once per project and region (every page of every listing reads it); never mutated.
  const listings = new Map<string, ScenarioVolume[]>();
  const volumesOf = (params: Record<string, string>) => {
    const key = `${params.projectId}\u0000${params.region}`;
    let volumes = listings.get(key);
    if (!volumes) {
      volumes = sandbox.scenario.volumes
        .filter((volume) => volume.projectId === params.projectId && volume.region === params.region)
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id));
      listings.set(key, volumes);
    }
    return volumes;
  };

  const list = (detailed: boolean) =>
    guarded((url, params, minor, headers, volumeBase) => {
      const parsed = parseLimit(url.searchParams.get("limit"));
      if (!parsed.ok) return computeFault(400, "Invalid input received: limit must be a non-negative integer.", headers);
      const limit = Math.min(parsed.limit ?? sandbox.pageSize, sandbox.pageSize);
      const marker = url.searchParams.get("marker");
      const page = pageAfterMarker(volumesOf(params), marker, limit);
      if (!page) return computeFault(404, `Marker ${marker} could not be found.`, headers);
      const last = page.at(-1);
      const volumes = page.map((volume) =>
        detailed ? volumeView(volumeBase, volume, minor) : { id: volume.id, name: volume.name, links: volumeView(volumeBase, volume, minor).links },
      );
      const links = page.length === limit && last ? { volumes_links: [{ rel: "next", href: linkWith(url, { marker: last.id }) }] } : {};
      return json({ volumes, ...links }, 200, headers);
    });

  return new SandboxRouter()
    .on("GET", `${prefix}/volumes/detail`, list(true))
    .on("GET", `${prefix}/volumes`, list(false))
    .on(
      "GET",
      `${prefix}/volumes/:id`,
      guarded((_url, params, minor, headers, volumeBase) => {
        const volume = volumesOf(params).find((candidate) => candidate.id === params.id);
        if (!volume) return computeFault(404, `Volume ${params.id} could not be found.`, headers);
        return json({ volume: volumeView(volumeBase, volume, minor) }, 200, headers);
      }),
    );
}
