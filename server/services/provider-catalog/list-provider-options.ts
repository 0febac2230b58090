import type { PrismaClient } from "../../db";
import { getProvider } from "../../providers/registry";
import { describeProvider, type ProviderDescription } from "../connections/describe-providers";
import { loadProviderCatalog } from "./load-provider-catalog";

/**
 * Every provider for the connection screens, in the admins' display order, flagged when disabled: the add picker
 * hides disabled ones, while the forms of existing connections still need their fields.
 */
export async function listProviderOptions(db: Pick<PrismaClient, "providerSetting">): Promise<(ProviderDescription & { enabled: boolean })[]> {
  return (await loadProviderCatalog(db)).map((entry) => ({ ...describeProvider(getProvider(entry.providerId)), enabled: entry.enabled }));
}
