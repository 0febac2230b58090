import type { ProviderPlugin } from "../contract";
import { collectSelectelBilling } from "./collect-billing";
import { collectSelectelInventory } from "./collect-inventory";
import { collectSelectelUsage } from "./collect-usage";
import { selectelManifest } from "./manifest";
import type { SelectelContext } from "./selectel-credentials";
import { testSelectelConnection } from "./test-connection";

/**
 * Selectel, billing-first: per-object consumption from api.selectel.ru, balance and prediction, then the
 * OpenStack inventory of every billed project, and CPU/memory of its servers from the pools' Gnocchi. The context's credentials were validated against the manifest
 * schema by createProviderContext, hence the narrowing casts.
 */
export const selectelPlugin: ProviderPlugin = {
  manifest: selectelManifest,
  testConnection: (ctx) => testSelectelConnection(ctx as SelectelContext),
  collectBilling: (ctx, window) => collectSelectelBilling(ctx as SelectelContext, window),
  collectInventory: (ctx, request) => collectSelectelInventory(ctx as SelectelContext, request),
  collectUsage: (ctx, request) => collectSelectelUsage(ctx as SelectelContext, request),
};

export { selectelManifest } from "./manifest";
export type { SelectelCredentials } from "./selectel-credentials";
export { CLOUD_PROVIDER_KEYS } from "./consumption-api";
export { FALLBACK_REGIONS } from "./fallback-catalog";
