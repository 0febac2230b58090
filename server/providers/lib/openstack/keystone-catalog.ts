/** The service catalog of a Keystone v3 token, as the wire format has it. */
export interface KeystoneEndpoint {
  id?: string;
  interface: string;
  region: string | null;
  region_id?: string | null;
  url: string;
}

export interface KeystoneCatalogEntry {
  type: string;
  name?: string;
  id?: string;
  endpoints: KeystoneEndpoint[];
}

export type KeystoneCatalog = KeystoneCatalogEntry[];

export type EndpointInterface = "public" | "internal" | "admin";

function regionOfEndpoint(endpoint: KeystoneEndpoint): string | null {
  return endpoint.region_id ?? endpoint.region ?? null;
}

/** URL (without trailing slash) of `type` in `region` for the interface, or null when the catalog has none. */
export function catalogEndpoint(catalog: KeystoneCatalog, type: string, region: string, iface: EndpointInterface = "public"): string | null {
  for (const entry of catalog) {
    if (entry.type !== type) continue;
    const endpoint = entry.endpoints.find((candidate) => candidate.interface === iface && (regionOfEndpoint(candidate) === region || candidate.region === region));
    if (endpoint) return endpoint.url.replace(/\/+$/, "");
  }
  return null;
}

/** Regions (sorted) where the catalog offers a public endpoint of at least one of `types`. */
export function catalogRegions(catalog: KeystoneCatalog, types: readonly string[], iface: EndpointInterface = "public"): string[] {
  const regions = new Set<string>();
  for (const entry of catalog) {
    if (!types.includes(entry.type)) continue;
    for (const endpoint of entry.endpoints) {
      const region = regionOfEndpoint(endpoint);
      if (endpoint.interface === iface && region) regions.add(region);
    }
  }
  return [...regions].sort();
}
