import { randomUUID } from "node:crypto";
import { db } from "../../db";
import type { UnifiedResource } from "../model/unified-resource";
import { diffResource } from "./diff-resource";
import { preserveInventoryFields, viewOfResource, viewOfRow, type ResourceView } from "./resource-view";
import { chunks, toJson } from "./to-json";

export interface PersistTarget {
  organizationId: string;
  connectionId: string;
  providerId: string;
  syncRunId: string;
  /** The run's start: lastSeenAt / firstSeenAt / closedAt, identical on a re-run of the same step. */
  seenAt: Date;
}

export interface ChangeCounts {
  created: number;
  updated: number;
  deleted: number;
  unchanged: number;
}

const BATCH = 100;

function columns(view: ResourceView) {
  return {
    name: view.name,
    resourceType: view.resourceType,
    status: view.status,
    region: view.region,
    projectId: view.projectId,
    projectName: view.projectName,
    serviceName: view.serviceName,
    serviceCategory: view.serviceCategory,
    hourlyCost: view.hourlyCost,
    dailyCost: view.dailyCost,
    monthlyCost: view.monthlyCost,
    currency: view.currency,
    isZombie: view.isZombie,
    isOrphan: view.isOrphan,
    isActive: true,
    closedAt: null,
    tags: view.tags,
    specs: toJson(view.specs),
  };
}

/**
 * Upserts this run's resources by (connectionId, providerResourceId) with one ResourceState each, in short batch
 * transactions. A resource that already has a state for this run was written by an earlier attempt of the same
 * step and is skipped, so a retried step neither duplicates nor re-labels anything.
 */
export async function persistResources(target: PersistTarget, resources: UnifiedResource[]): Promise<ChangeCounts> {
  const counts: ChangeCounts = { created: 0, updated: 0, deleted: 0, unchanged: 0 };
  for (const batch of chunks(resources, BATCH)) {
    const existing = await db.resource.findMany({ where: { connectionId: target.connectionId, providerResourceId: { in: batch.map((resource) => resource.providerResourceId) } } });
    const byProviderId = new Map(existing.map((row) => [row.providerResourceId, row]));
    const written = await db.resourceState.findMany({ where: { syncRunId: target.syncRunId, resourceId: { in: existing.map((row) => row.id) } }, select: { resourceId: true, change: true } });
    const doneIds = new Map(written.map((state) => [state.resourceId, state.change]));

    const operations = [];
    const states = [];
    for (const resource of batch) {
      const row = byProviderId.get(resource.providerResourceId);
      const done = row ? doneIds.get(row.id) : undefined;
      if (done) {
        counts[done] += 1;
        continue;
      }
      const before = row ? viewOfRow(row) : null;
      const after = preserveInventoryFields(before, viewOfResource(resource));
      const summary = diffResource(before, after);
      counts[summary.change] += 1;
      const id = row?.id ?? randomUUID();
      if (row) {
        operations.push(db.resource.update({ where: { id }, data: { ...columns(after), lastSeenAt: target.seenAt } }));
      } else {
        operations.push(
          db.resource.create({
            data: {
              id,
              organizationId: target.organizationId,
              connectionId: target.connectionId,
              providerId: target.providerId,
              providerResourceId: resource.providerResourceId,
              ...columns(after),
              firstSeenAt: target.seenAt,
              lastSeenAt: target.seenAt,
            },
          }),
        );
      }
      states.push({
        organizationId: target.organizationId,
        syncRunId: target.syncRunId,
        resourceId: id,
        change: summary.change,
        costChanged: summary.costChanged,
        statusChanged: summary.statusChanged,
        configChanged: summary.configChanged,
        diff: toJson(summary.diff),
        snapshot: toJson(after),
      });
    }
    if (operations.length === 0) continue;
    await db.$transaction([...operations, db.resourceState.createMany({ data: states, skipDuplicates: true })]);
  }
  return counts;
}
