import type { SchemaEngine, SchemaFilter } from "@prisma/schema-engine-wasm";
import {
  bindMigrationAwareSqlAdapterFactory,
  type ErrorRegistry,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import { describePanic, loadSchemaEngine } from "./load-schema-engine";
import { inMemoryPgliteAdapter } from "./migration-adapters";

export const NO_SCHEMA_FILTER: SchemaFilter = { externalTables: [], externalEnums: [] };

export interface SchemaEngineConnections {
  /** The database the engine operates on; the engine asks for it once, when it starts. */
  main: SqlDriverAdapter;
  /**
   * Handed out on the engine's first shadow-database request instead of a new in-memory PGlite. Lets
   * target-less operations use one scratch database as both the (never written) main connection and the
   * shadow, saving a second PGlite start (~2 s here).
   */
  firstShadow?: SqlDriverAdapter;
  /** Prisma schema files as [path, content]; not needed to apply migrations. */
  datamodels?: [string, string][];
}

/**
 * Runs one operation on a fresh engine whose shadow databases are always in-memory PGlite instances, so no
 * second Postgres database (or the right to create one) is ever needed. Disposes every shadow afterwards;
 * the main adapter belongs to the caller.
 */
export async function runSchemaEngine<T>(connections: SchemaEngineConnections, operation: (engine: SchemaEngine) => Promise<T>): Promise<T> {
  const bindings = await loadSchemaEngine();
  const shadows: SqlDriverAdapter[] = [];
  let firstShadow = connections.firstShadow;
  const factory: SqlMigrationAwareDriverAdapterFactory = {
    provider: "postgres",
    adapterName: connections.main.adapterName,
    connect: async () => connections.main,
    connectToShadowDb: async () => {
      const shadow = firstShadow ?? (await inMemoryPgliteAdapter());
      firstShadow = undefined;
      shadows.push(shadow);
      return shadow;
    },
  };
  const bound = bindMigrationAwareSqlAdapterFactory(factory);
  let engine: SchemaEngine | undefined;
  try {
    engine = await bindings.SchemaEngine.new({ datamodels: connections.datamodels }, () => {}, bound);
    return await operation(engine);
  } catch (error) {
    throw toReadableError(error, bound.errorRegistry);
  } finally {
    try {
      engine?.free();
    } catch {
      // After a panic the engine is still marked as borrowed and refuses to be freed; the instance is dropped anyway.
    }
    // The engine does not always dispose shadows itself; a second dispose of a closed PGlite is a no-op.
    await Promise.allSettled(shadows.map((shadow) => (shadow === connections.firstShadow ? undefined : shadow.dispose())));
  }
}

/**
 * Engine errors end with a Rust span trace ("   0: sql_schema_connector::…") that means nothing to users,
 * and JS errors thrown inside our adapters come back only as "External error id#N".
 */
function toReadableError(error: unknown, registry: ErrorRegistry): Error {
  const panic = describePanic(error);
  if (panic) return panic;
  if (!(error instanceof Error)) return new Error(String(error));
  const traceStart = error.message.search(/\n\s+0: /);
  let message = (traceStart === -1 ? error.message : error.message.slice(0, traceStart)).trim();
  let cause: unknown = error;
  message = message.replace(/External error id#(\d+)/g, (text, id: string) => {
    const record = registry.consumeError(Number(id));
    if (!record) return text;
    cause = record.error;
    return record.error instanceof Error ? record.error.message : String(record.error);
  });
  message = message.replace(/^external connector error\n/, "");
  // The failing migration's name is only in the span trace we just cut off.
  const migration = /with migration_name="([^"]+)"/.exec(error.message)?.[1];
  if (migration && !message.includes(migration)) message = `Migration ${migration} failed: ${message}`;
  const readable = new Error(message, { cause });
  readable.name = error.name;
  return readable;
}
