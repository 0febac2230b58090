import { db } from "../../db";
import { MissingArtifactError, type SyncArtifacts } from "./sync-artifacts";

/**
 * Artifacts of one SyncRun in the SyncArtifact table (JSON text keyed by run and key), so a step on another
 * worker or a retried step reads what an earlier step wrote. Writes are upserts, so a re-run step overwrites its
 * own output. This instance also remembers what it wrote or read: within one execution (the in-process runner,
 * or one Inngest request running several steps) a later step reads from memory instead of the table.
 */
export function createDatabaseArtifacts(syncRunId: string): SyncArtifacts {
  const remembered = new Map<string, unknown>();
  return {
    async put(key, value) {
      const payload = JSON.stringify(value ?? null);
      await db.syncArtifact.upsert({
        where: { syncRunId_key: { syncRunId, key } },
        create: { syncRunId, key, payload, bytes: Buffer.byteLength(payload) },
        update: { payload, bytes: Buffer.byteLength(payload) },
      });
      remembered.set(key, value ?? null);
    },
    async get<T>(key: string) {
      if (remembered.has(key)) return remembered.get(key) as T;
      const row = await db.syncArtifact.findUnique({ where: { syncRunId_key: { syncRunId, key } }, select: { payload: true } });
      if (!row) throw new MissingArtifactError(key);
      const value = JSON.parse(row.payload) as T;
      remembered.set(key, value);
      return value;
    },
    async clear() {
      remembered.clear();
      await db.syncArtifact.deleteMany({ where: { syncRunId } });
    },
  };
}
