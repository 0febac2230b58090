import type { BillingWindow, ProviderContext, ProviderPlugin } from "../providers/contract";
import type { InventoryReport } from "./model/unified-resource";
import { deserializeError } from "./run-phase";
import { runPhases } from "./run-phases";
import { createInProcessStep } from "./sync-step";

/**
 * Phases 1–7 against a provider without touching the database (the `inventory` CLI, previews, benchmarks).
 * Throws a ProviderError when the run cannot produce a result (auth, config, billing unavailable).
 * A module of its own so that callers without a database never load the Prisma client (≈50 MB of RSS);
 * run-billing-first-sync.ts re-exports it.
 */
export async function runPhasesWithoutDatabase(plugin: ProviderPlugin, ctx: ProviderContext, options: { window?: BillingWindow } = {}): Promise<InventoryReport> {
  const result = await runPhases(plugin, ctx, { step: createInProcessStep(), window: options.window });
  if (!result.ok) throw deserializeError(result.error);
  return result.report;
}
