import type { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "./generated/client";
import type { DatabaseTarget } from "./database-target";
import { openPglite } from "./open-pglite";
import { postgresSessionOptions } from "./postgres-session-options";
import { preparedStatementNames, statementCacheSize } from "./prepared-statement-names";

export interface DatabaseHandle {
  client: PrismaClient;
  target: DatabaseTarget;
  /** The embedded engine, when the target is PGlite (migrations run on this very instance). */
  pglite?: PGlite;
  close: () => Promise<void>;
}

// PGlite serialises every query, so interactive transactions may wait behind each other for a while.
const PGLITE_TRANSACTION_OPTIONS = { maxWait: 15_000, timeout: 30_000 };

export function createPrismaClient(target: DatabaseTarget): DatabaseHandle {
  if (target.kind === "postgres") {
    const cacheSize = statementCacheSize();
    const adapter = new PrismaPg(
      { connectionString: target.url, connectionTimeoutMillis: 5_000, options: postgresSessionOptions() },
      cacheSize > 0 ? { statementNameGenerator: preparedStatementNames(cacheSize) } : undefined,
    );
    const client = new PrismaClient({ adapter });
    return { client, target, close: () => client.$disconnect() };
  }
  const opened = openPglite(target.dataDir);
  const client = new PrismaClient({ adapter: new PrismaPGlite(opened.pglite), transactionOptions: PGLITE_TRANSACTION_OPTIONS });
  return {
    client,
    target,
    pglite: opened.pglite,
    close: async () => {
      await client.$disconnect();
      await opened.close();
    },
  };
}
