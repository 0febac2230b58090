import fs from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { acquirePgliteLock } from "./pglite-lock";

export interface OpenedPglite {
  pglite: PGlite;
  close: () => Promise<void>;
}

/**
 * Opens (creating if needed) an embedded database, in memory when dataDir is null.
 * Synchronous so a Prisma client can be built at once; PGlite queues queries until `waitReady`.
 */
export function openPglite(dataDir: string | null): OpenedPglite {
  const release = dataDir ? acquirePgliteLock(dataDir) : () => {};
  try {
    if (dataDir) fs.mkdirSync(dataDir, { recursive: true });
    const pglite = new PGlite(dataDir ?? undefined);
    let closed = false;
    return {
      pglite,
      close: async () => {
        if (closed) return;
        closed = true;
        try {
          if (!pglite.closed) await pglite.close();
        } finally {
          release();
        }
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}
