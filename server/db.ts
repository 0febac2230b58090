import { createPrismaClient, type DatabaseHandle } from "./db/create-prisma-client";
import { resolveDatabaseTarget } from "./db/database-target";
import type { PrismaClient } from "./db/generated/client";

export type { PrismaClient } from "./db/generated/client";
export { Prisma } from "./db/generated/client";
export type { OrgRole, PlatformRole, PlatformPermission, User, Organization, Membership, TelegramChat, TelegramDelivery } from "./db/generated/client";

// Next evaluates this module once per bundle (routes and pages), so the one client lives on globalThis.
const globalForDb = globalThis as unknown as { infrazenDb?: DatabaseHandle; infrazenDbShutdownHook?: boolean };

export function getDatabase(): DatabaseHandle {
  if (!globalForDb.infrazenDb) {
    // A failed start (e.g. the embedded database is locked) throws here and is not cached: the next call retries.
    globalForDb.infrazenDb = createPrismaClient(resolveDatabaseTarget());
    registerShutdownHook();
  }
  return globalForDb.infrazenDb;
}

/** Closes the process-wide client (and releases the embedded database lock). */
export async function closeDatabase(): Promise<void> {
  const handle = globalForDb.infrazenDb;
  globalForDb.infrazenDb = undefined;
  await handle?.close();
}

function registerShutdownHook() {
  if (globalForDb.infrazenDbShutdownHook) return;
  globalForDb.infrazenDbShutdownHook = true;
  // PGlite is not flushed cleanly by SIGTERM; close it so the data directory stays consistent.
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.once(signal, () => {
      void closeDatabase().finally(() => process.exit(0));
    });
  }
}

/** The process-wide Prisma client, created on first use so that importing this module never opens a database. */
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const client = getDatabase().client;
    const value = Reflect.get(client, property, client);
    return typeof value === "function" ? value.bind(client) : value;
  },
});
