import type { InventoryReport } from "../model/unified-resource";
import { closeStaleResources } from "./close-stale-resources";
import { persistCostRecords } from "./persist-cost-records";
import { persistResources, type ChangeCounts, type PersistTarget } from "./persist-resources";
import { persistUnrecognized } from "./persist-unrecognized";

export interface CompletionCounts extends ChangeCounts {
  costRowsCreated: number;
  costRowsUpdated: number;
  costRowsRemoved: number;
  costRowsUnchanged: number;
  unrecognizedNew: number;
  unrecognizedSeenAgain: number;
}

/**
 * Phase 8: writes the run's result — resources with their states, closing of what disappeared (outside failed
 * scopes), daily cost rows, unknown types. Each part writes in short batches and is safe to repeat.
 */
export async function completeSync(target: PersistTarget, report: Pick<InventoryReport, "resources" | "costRows" | "unrecognized" | "failures" | "window">): Promise<CompletionCounts> {
  const changes = await persistResources(target, report.resources);
  const deleted = await closeStaleResources(target, new Set(report.resources.map((resource) => resource.providerResourceId)), report.failures);
  const absorbed = new Set(report.resources.flatMap((resource) => resource.billingIds.filter((id) => id !== resource.providerResourceId)));
  const costs = await persistCostRecords(target, report.costRows, report.window, absorbed);
  const unknown = await persistUnrecognized(target, report.unrecognized);
  return {
    ...changes,
    deleted,
    costRowsCreated: costs.created,
    costRowsUpdated: costs.updated,
    costRowsRemoved: costs.removed,
    costRowsUnchanged: costs.unchanged,
    unrecognizedNew: unknown.created,
    unrecognizedSeenAgain: unknown.seenAgain,
  };
}
