import type { PGlite } from "@electric-sql/pglite";
import type { SqlDriverAdapter } from "@prisma/driver-adapter-utils";
import type { DatabaseTarget } from "../database-target";
import { openPglite } from "../open-pglite";
import { pgliteMigrationAdapter, postgresMigrationAdapter } from "./migration-adapters";

export interface MainConnection {
  adapter: SqlDriverAdapter;
  /** Releases what we opened; a PGlite handed in by the caller stays open. */
  close: () => Promise<void>;
}

export async function openMainConnection(target: DatabaseTarget, pglite?: PGlite): Promise<MainConnection> {
  if (pglite) {
    const adapter = await pgliteMigrationAdapter(pglite);
    return { adapter, close: () => adapter.dispose() };
  }
  if (target.kind === "postgres") {
    const adapter = await postgresMigrationAdapter(target.url);
    return { adapter, close: () => adapter.dispose() };
  }
  const opened = openPglite(target.dataDir);
  try {
    const adapter = await pgliteMigrationAdapter(opened.pglite);
    return {
      adapter,
      close: async () => {
        try {
          await adapter.dispose();
        } finally {
          await opened.close();
        }
      },
    };
  } catch (error) {
    await opened.close();
    throw error;
  }
}
