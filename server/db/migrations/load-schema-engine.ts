import fs from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import * as bindings from "@prisma/schema-engine-wasm/schema_engine_bg";

export type SchemaEngineBindings = typeof bindings;

interface PanicRegistry {
  set_message(message: string): void;
}

/** Keeps the last panic message so a wasm `unreachable` trap can be reported with its Rust cause. */
class MigrationPanicRegistry implements PanicRegistry {
  message: string | null = null;
  set_message(message: string): void {
    this.message = message;
  }
}

const panicRegistry = new MigrationPanicRegistry();
let loading: Promise<SchemaEngineBindings> | null = null;

/**
 * Loads Prisma's wasm schema engine once per process. The package's own entry point imports the `.wasm`
 * file as an ES module, which Node 20 cannot do, so we instantiate the bytes ourselves and wire them into
 * the wasm-bindgen glue exactly as that entry point would.
 */
export function loadSchemaEngine(): Promise<SchemaEngineBindings> {
  loading ??= instantiate().catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return loading;
}

async function instantiate(): Promise<SchemaEngineBindings> {
  // The glue reports panics through this global; without it a panic surfaces as an unrelated TypeError.
  // The Prisma client runtime installs its own registry at import time: keep whichever came first.
  const globals = globalThis as { PRISMA_WASM_PANIC_REGISTRY?: PanicRegistry };
  globals.PRISMA_WASM_PANIC_REGISTRY ??= panicRegistry;

  const require = createRequire(import.meta.url);
  const gluePath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const bytes = await fs.readFile(path.join(path.dirname(gluePath), "schema_engine_bg.wasm"));
  const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": withUnrefTimers(bindings) });
  bindings.__wbg_set_wasm(instance.exports);
  const start = instance.exports.__wbindgen_start;
  if (typeof start === "function") start();
  return bindings;
}

/**
 * The engine races its database calls against ~10 s timers that it never clears; left as they are they keep
 * a finished process (CLI, test worker, server shutdown) alive for those 10 s. Nothing else waits on them.
 */
function withUnrefTimers(glue: SchemaEngineBindings): WebAssembly.ModuleImports {
  const imports: WebAssembly.ModuleImports = { ...glue };
  for (const name of Object.keys(imports)) {
    if (!name.startsWith("__wbg_setTimeout_")) continue;
    imports[name] = (callback: () => void, delay: number) => {
      const timer = setTimeout(callback, delay >>> 0);
      timer.unref();
      return timer;
    };
  }
  return imports;
}

/**
 * Turns a wasm trap into an error carrying the engine's panic message, when we captured one. The instance
 * stays usable after a panic (measured), and could not be swapped anyway: the glue caches views of the
 * first instance's memory.
 */
export function describePanic(error: unknown): Error | null {
  if (!(error instanceof WebAssembly.RuntimeError)) return null;
  const message = panicRegistry.message;
  panicRegistry.message = null;
  return new Error(`Prisma schema engine panicked: ${message ?? error.message}`, { cause: error });
}
