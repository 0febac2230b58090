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
 * Each run also leaves one UnrecognizedResourceSighting per object (unique per run, so retries add nothing): the
 * history the admin page shows.
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
    const seen: { id: string; item: UnrecognizedItem }[] = [];
    for (const item of batch) {
      const rawBilling = toJson({ syncRunId: target.syncRunId, projectId: item.projectId, region: item.region, lines: item.rawBilling });
      const fields = { name: item.name, inferredType: item.inferredType, rawBilling, monthlyCost: item.monthlyCost, currency: item.currency, lastSeenAt: target.seenAt };
      const row = byKey.get(`${item.providerResourceId}|${item.billingType}`);
      if (!row) {
        creates.push({ organizationId: target.organizationId, connectionId: target.connectionId, providerId: target.providerId, providerResourceId: item.providerResourceId, billingType: item.billingType, firstSeenAt: target.seenAt, sightings: 1, ...fields });
        continue;
      }
      seen.push({ id: row.id, item });
      const newRun = lastRunOf(row.rawBilling) !== target.syncRunId;
      if (newRun) counts.seenAgain += 1;
      updates.push(db.unrecognizedResource.update({ where: { id: row.id }, data: { ...fields, ...(newRun ? { sightings: { increment: 1 } } : {}) } }));
    }
    if (creates.length > 0) {
      const created = await db.unrecognizedResource.createManyAndReturn({ data: creates, skipDuplicates: true, select: { id: true, providerResourceId: true, billingType: true } });
      counts.created += created.length;
      const itemsByKey = new Map(batch.map((item) => [`${item.providerResourceId}|${item.billingType}`, item]));
      for (const row of created) seen.push({ id: row.id, item: itemsByKey.get(`${row.providerResourceId}|${row.billingType}`)! });
    }
    if (updates.length > 0) await db.$transaction(updates);
    if (seen.length > 0) {
      await db.unrecognizedResourceSighting.createMany({
        data: seen.map(({ id, item }) => ({ unrecognizedResourceId: id, syncRunId: target.syncRunId, seenAt: target.seenAt, monthlyCost: item.monthlyCost, currency: item.currency })),
        skipDuplicates: true,
      });
    }
  }
  return counts;
}
