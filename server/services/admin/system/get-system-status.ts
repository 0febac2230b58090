import { getDatabase, type PrismaClient } from "../../../db";
// The status module alone: the index would pull the wasm migration engine into the app bundle.
import { getMigrationStatus } from "../../../db/migrations/migration-status";
import { checkDatabaseHealth, describeDatabaseError } from "../../system/check-database-health";
import { describeInngestMode, describeTelegramToken } from "./describe-runtime-modes";
import { readAppVersion } from "./read-app-version";
import { summarizeSyncRuns } from "./summarize-sync-runs";
import { summarizeTelegramDeliveries } from "./summarize-telegram-deliveries";

/** Migration bookkeeping, read through the running engine (a second PGlite on the same directory would corrupt it). */
async function readMigrations() {
  const handle = getDatabase();
  try {
    const status = await getMigrationStatus(handle.target, { pglite: handle.pglite });
    return { ok: status.pending.length === 0 && status.failed.length === 0, latest: status.applied.at(-1) ?? null, appliedCount: status.applied.length, pending: status.pending, failed: status.failed, missingLocally: status.missingLocally, error: null };
  } catch (error) {
    return { ok: false, latest: null, appliedCount: 0, pending: [], failed: [], missingLocally: [], error: describeDatabaseError(error) };
  }
}

/** Everything the system status page shows; each part reports its own failure instead of failing the page. */
export async function getSystemStatus(db: PrismaClient) {
  const database = await checkDatabaseHealth(db);
  const [migrations, syncRuns, telegramDeliveries] = await Promise.all([readMigrations(), database.ok ? summarizeSyncRuns(db) : null, database.ok ? summarizeTelegramDeliveries(db) : null]);
  return {
    checkedAt: new Date(),
    database: { ...database, kind: getDatabase().target.kind },
    migrations,
    inngest: describeInngestMode(),
    syncRuns,
    telegram: { ...describeTelegramToken(), deliveries: telegramDeliveries },
    version: readAppVersion(),
  };
}
