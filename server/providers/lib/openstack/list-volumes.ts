import type { InventoryVolume, ProviderContext } from "../../contract";
import type { OpenStackProjectScope } from "./openstack-scope";
import { serviceUrl } from "./openstack-scope";
import { paginateOpenStackList } from "./paginate-openstack-list";

interface CinderVolume {
  id: string;
  name?: string | null;
  status?: string;
  size?: number;
  availability_zone?: string | null;
  volume_type?: string | null;
  bootable?: string | boolean;
  created_at?: string | null;
  "os-vol-tenant-attr:tenant_id"?: string;
  attachments?: { server_id?: string; device?: string | null }[];
}

/** Cinder sends bootable as the string "true"/"false"; tolerate a real boolean too. */
export function parseBootable(value: unknown): boolean {
  return value === true || (typeof value === "string" && value.toLowerCase() === "true");
}

/** GET /volumes/detail of one project in one region, every page, mapped to the contract. */
export async function listVolumes(ctx: ProviderContext, scope: OpenStackProjectScope, options: { pageSize?: number } = {}): Promise<InventoryVolume[]> {
  const volumeUrl = serviceUrl(ctx, scope, "volume");
  const volumes = await paginateOpenStackList<CinderVolume>(ctx, {
    url: `${volumeUrl}/volumes/detail`,
    collection: "volumes",
    token: scope.token,
    service: "cinder",
    pageSize: options.pageSize,
  });
  return volumes.map((volume) => ({
    id: volume.id,
    name: volume.name ?? "",
    status: volume.status ?? "unknown",
    projectId: volume["os-vol-tenant-attr:tenant_id"] ?? scope.projectId,
    region: scope.region,
    zone: volume.availability_zone || null,
    sizeGb: volume.size ?? 0,
    volumeType: volume.volume_type ?? null,
    bootable: parseBootable(volume.bootable),
    attachments: (volume.attachments ?? [])
      .filter((attachment): attachment is { server_id: string; device?: string | null } => typeof attachment.server_id === "string")
      .map((attachment) => ({ serverId: attachment.server_id, device: attachment.device ?? null })),
    createdAt: volume.created_at ?? null,
  }));
}
