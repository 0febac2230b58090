import type { ProviderPlugin } from "./contract";
import { openstackPlugin } from "./openstack";
import { selectelPlugin } from "./selectel";

/**
 * Every provider folder, once. This list is the only place that names plugins; add a plugin here and the
 * registry, forms, sync and CLI pick it up.
 */
export const ALL_PROVIDERS: ProviderPlugin[] = [
  openstackPlugin,
  selectelPlugin,
];
