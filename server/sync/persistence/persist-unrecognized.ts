import { db } from "../../db";
import type { UnrecognizedItem } from "../model/unified-resource";
import type { PersistTarget } from "./persist-resources";
import { chunks, toJson } from "./to-json";

function lastRunOf(rawBilling: unknown): string | null {
  if (!rawBilling || typeof rawBilling !== "object" || Array.isArray(rawBilling)) return null;
  const value = (rawBilling as Record<string, unknown>).syncRunId;
  return typeof value === "string" ? value : null;
}

/**
 * Records billing objects of unknown types by (connection, object, billing type). `sightings` counts the runs
 * that saw the object: rawBilling remembers the run that last wrote it, so a retried step does not count twice.
 */
export async function persistUnrecognized(target: PersistTarget, items: UnrecognizedItem[]): Promise<{ created: number; seenAgain: number }> {
  const counts = { created: 0, seenAgain: 0 };
  for (const batch of chunks(items, 100)) {
    const existing = await db.unrecognizedResource.findMany({
      where: { connectionId: target.connectionId, providerResourceId: { in: batch.map((item) => item.providerResourceId) } },
      select: { id: true, providerResourceId: true, billingType: true, rawBilling: true },
    });
    const byKey = new Map(existing.map((row) => [`${row.providerResourceId}|${row.billingType}`, row]));
    const creates = [];
    const updates = [];
    for (const item of batch) {
      const rawBilling = toJson({ syncRunId: target.syncRunId, projectId: item.projectId, region: item.region, lines: item.rawBilling });
      const fields = { name: item.name, inferredType: item.inferredType, rawBilling, monthlyCost: item.monthlyCost, currency: item.currency, lastSeenAt: target.seenAt };
      const row = byKey.get(`${item.providerResourceId}|${item.billingType}`);
      if (!row) {
        creates.push({ organizationId: target.organizationId, connectionId: target.connectionId, providerId: target.providerId, providerResourceId: item.providerResourceId, billingType: item.billingType, firstSeenAt: target.seenAt, sightings: 1, ...fields });
        continue;
      }
      const newRun = lastRunOf(row.rawBilling) !== target.syncRunId;
      if (newRun) counts.seenAgain += 1;
      updates.push(db.unrecognizedResource.update({ where: { id: row.id }, data: { ...fields, ...(newRun ? { sightings: { increment: 1 } } : {}) } }));
    }
    if (creates.length > 0) counts.created += (await db.unrecognizedResource.createMany({ data: creates, skipDuplicates: true })).count;
    if (updates.length > 0) await db.$transaction(updates);
  }
  return counts;
}
