/** The sandbox speaks compute 2.1 … 2.100, like a current Nova. */
export const NOVA_MIN_MINOR = 1;
export const NOVA_MAX_MINOR = 100;

export type NovaMicroversion = { ok: true; minor: number } | { ok: false; status: 400 | 406; message: string };

/**
 * Reads `OpenStack-API-Version: compute 2.x` (several services may share the header, comma separated) or the
 * legacy `X-OpenStack-Nova-API-Version: 2.x`; none means the minimum, "latest" the maximum.
 */
export function parseNovaMicroversion(headers: Headers): NovaMicroversion {
  const modern = headers
    .get("openstack-api-version")
    ?.split(",")
    .map((part) => part.trim().split(/\s+/))
    .find(([service]) => service?.toLowerCase() === "compute")?.[1];
  const requested = modern ?? headers.get("x-openstack-nova-api-version")?.trim();
  if (!requested) return { ok: true, minor: NOVA_MIN_MINOR };
  if (requested.toLowerCase() === "latest") return { ok: true, minor: NOVA_MAX_MINOR };
  const match = /^(\d+)\.(\d+)$/.exec(requested);
  if (!match) return { ok: false, status: 400, message: `API Version String ${requested} is of invalid format. Must be of format MajorNum.MinorNum.` };
  const minor = Number(match[2]);
  if (match[1] !== "2" || minor < NOVA_MIN_MINOR || minor > NOVA_MAX_MINOR) {
    return { ok: false, status: 406, message: `Version ${requested} is not supported by the API. Minimum is 2.${NOVA_MIN_MINOR} and maximum is 2.${NOVA_MAX_MINOR}.` };
  }
  return { ok: true, minor };
}

/** Nova echoes the version it used in both headers and says the answer varies by them. */
export function novaVersionHeaders(minor: number): Record<string, string> {
  return {
    "openstack-api-version": `compute 2.${minor}`,
    "x-openstack-nova-api-version": `2.${minor}`,
    vary: "OpenStack-API-Version, X-OpenStack-Nova-API-Version",
  };
}
