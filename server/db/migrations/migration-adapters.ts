import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { DriverAdapterError, isDriverAdapterError, type SqlDriverAdapter } from "@prisma/driver-adapter-utils";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";

/**
 * Driver adapters as the schema engine needs them. Both stock adapters fall short for migrations:
 * - pglite-prisma-adapter 0.7.2 `executeScript` does not await `exec`, so a failing migration script
 *   reads as success and gets recorded as applied;
 * - @prisma/adapter-pg `executeScript` splits the script on every `;` (breaking `$$` bodies) and runs the
 *   pieces one by one, so a failure leaves the earlier statements behind.
 * Sending the whole script as one simple-protocol query fixes both: Postgres runs a multi-statement
 * simple query as one implicit transaction, so a failing migration rolls back entirely.
 */

interface DatabaseErrorFields {
  code: string;
  severity?: string;
  message: string;
  detail?: string;
  column?: string;
  hint?: string;
}

function isDatabaseError(error: unknown): error is DatabaseErrorFields {
  if (typeof error !== "object" || error === null) return false;
  const fields = error as Partial<Record<keyof DatabaseErrorFields, unknown>>;
  return typeof fields.code === "string" && typeof fields.message === "string";
}

/** The engine only sees errors of this shape as database errors; anything else becomes an opaque id. */
function toDriverAdapterError(error: unknown): unknown {
  if (!isDatabaseError(error)) return error;
  return new DriverAdapterError({
    kind: "postgres",
    code: error.code,
    severity: error.severity ?? "ERROR",
    message: error.message,
    detail: error.detail,
    column: error.column,
    hint: error.hint,
  });
}

/** Outside the engine a DriverAdapterError's message is only its kind ("DatabaseNotReachable"): spell it out. */
export function readableDriverError(error: unknown): unknown {
  if (!(error instanceof Error) || !isDriverAdapterError(error)) return error;
  const { kind, ...details } = error.cause;
  const text = (key: string) => (key in details ? (details as Record<string, unknown>)[key] : undefined);
  const original = text("message") ?? text("originalMessage");
  const message = typeof original === "string" ? original : `${kind} ${JSON.stringify(details)}`;
  return new Error(`Database error: ${message}`, { cause: error });
}

function withScriptRunner(adapter: SqlDriverAdapter, runScript: (script: string) => Promise<unknown>, dispose: () => Promise<void>): SqlDriverAdapter {
  // Both the engine and our own cleanup may dispose; `pg.Pool#end` throws when called twice.
  let disposed = false;
  return {
    provider: adapter.provider,
    adapterName: adapter.adapterName,
    queryRaw: (query) => adapter.queryRaw(query),
    executeRaw: (query) => adapter.executeRaw(query),
    startTransaction: (isolationLevel) => adapter.startTransaction(isolationLevel),
    getConnectionInfo: adapter.getConnectionInfo?.bind(adapter),
    executeScript: async (script) => {
      try {
        await runScript(script);
      } catch (error) {
        throw toDriverAdapterError(error);
      }
    },
    dispose: async () => {
      if (disposed) return;
      disposed = true;
      try {
        await adapter.dispose();
      } finally {
        await dispose();
      }
    },
  };
}

/** An adapter over an open PGlite; disposing it closes the PGlite only when `closeOnDispose` says so. */
export async function pgliteMigrationAdapter(pglite: PGlite, closeOnDispose = false): Promise<SqlDriverAdapter> {
  const adapter = await new PrismaPGlite(pglite).connect();
  return withScriptRunner(
    adapter,
    (script) => pglite.exec(script),
    async () => {
      if (closeOnDispose && !pglite.closed) await pglite.close();
    },
  );
}

/**
 * One connection only: the engine takes a session-level advisory lock before applying migrations, which
 * only protects anything if every later statement runs on that same session.
 */
export async function postgresMigrationAdapter(url: string): Promise<SqlDriverAdapter> {
  const pool = new pg.Pool({ connectionString: url, max: 1, connectionTimeoutMillis: 5_000 });
  const adapter = await new PrismaPg(pool).connect();
  return withScriptRunner(
    adapter,
    (script) => pool.query(script),
    () => pool.end(),
  );
}

/** A throwaway database for the engine to replay migrations on; it lives until the adapter is disposed. */
export async function inMemoryPgliteAdapter(): Promise<SqlDriverAdapter> {
  return pgliteMigrationAdapter(new PGlite(), true);
}
