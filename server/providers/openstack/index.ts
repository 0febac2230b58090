import type { ProviderPlugin } from "../contract";
import { collectBilling } from "./collect-billing";
import { collectInventory } from "./collect-inventory";
import { collectUsage } from "./collect-usage";
import { manifest } from "./manifest";
import { testConnection } from "./test-connection";

/** Any OpenStack cloud: inventory from Nova/Cinder/Neutron, billing synthesized from a rate card, usage from Gnocchi when present. */
export const openstackPlugin: ProviderPlugin = { manifest, testConnection, collectBilling, collectInventory, collectUsage };

export { rateCardSchema } from "./rate-card";
export type { RateCard } from "./rate-card";
export type { OpenStackCredentials } from "./credentials";
