import { db } from "../../db";
import { inFailedScope } from "../model/failed-scopes";
import type { SyncFailure } from "../model/unified-resource";
import type { PersistTarget } from "./persist-resources";
import { chunks, toJson } from "./to-json";

/**
 * Closes this connection's active resources that the run did not see (isActive false, closedAt, status DELETED,
 * a "deleted" ResourceState). Resources in a project × region that failed this run are left alone: a failure
 * never deletes or closes earlier data. Returns how many were closed (counting an earlier attempt of this step).
 */
export async function closeStaleResources(target: PersistTarget, seenProviderIds: Set<string>, failures: SyncFailure[]): Promise<number> {
  const active = await db.resource.findMany({
    where: { connectionId: target.connectionId, OR: [{ isActive: true }, { states: { some: { syncRunId: target.syncRunId, change: "deleted" } } }] },
    select: { id: true, providerResourceId: true, projectId: true, region: true, status: true, isActive: true, states: { where: { syncRunId: target.syncRunId }, select: { change: true } } },
  });
  const stale = active.filter((row) => !seenProviderIds.has(row.providerResourceId) && !inFailedScope(failures, row.projectId, row.region));
  let closed = 0;
  for (const batch of chunks(stale, 100)) {
    const operations = [];
    const states = [];
    for (const row of batch) {
      closed += 1;
      if (row.states.length > 0) continue;
      const diff = { isActive: { before: true, after: false }, status: { before: row.status, after: "DELETED" } };
      operations.push(db.resource.update({ where: { id: row.id }, data: { isActive: false, closedAt: target.seenAt, status: "DELETED" } }));
      states.push({
        organizationId: target.organizationId,
        syncRunId: target.syncRunId,
        resourceId: row.id,
        change: "deleted" as const,
        statusChanged: true,
        diff: toJson(diff),
        snapshot: toJson({ providerResourceId: row.providerResourceId, status: "DELETED", isActive: false, closedAt: target.seenAt }),
      });
    }
    if (operations.length > 0) await db.$transaction([...operations, db.resourceState.createMany({ data: states, skipDuplicates: true })]);
  }
  return closed;
}
