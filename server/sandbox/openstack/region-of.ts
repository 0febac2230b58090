const SERVICE_SEGMENT = /(?:^|\/)([^/]+)\/(?:compute|volume|network|metric)(?:\/|$)/;

/**
 * The region of a sandbox request for `withFaults`' downRegions: the path segment right before the service
 * (`/{region}/compute/…`), wherever the handler is mounted. Keystone calls belong to no region.
 */
export function regionOf(url: URL): string | null {
  return SERVICE_SEGMENT.exec(url.pathname)?.[1] ?? null;
}
