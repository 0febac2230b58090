import type { PrismaClient } from "../../db";

export interface DatabaseHealth {
  ok: boolean;
  latencyMs: number;
  error?: string;
}

/** One round trip with a deadline, so a hung database reports as down instead of hanging the probe. */
export async function checkDatabaseHealth(db: Pick<PrismaClient, "$queryRaw">, timeoutMs = 3_000): Promise<DatabaseHealth> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      db.$queryRaw`SELECT 1`,
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
    return { ok: true, latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    return { ok: false, latencyMs: Math.round(performance.now() - started), error: describeDatabaseError(error) };
  } finally {
    clearTimeout(timer);
  }
}

/** Driver errors can carry an empty message (e.g. an AggregateError for ECONNREFUSED on IPv4 and IPv6). */
export function describeDatabaseError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as { code?: string }).code;
  const firstLine = error.message.split("\n").find((line) => line.trim()) ?? "";
  const nested = error instanceof AggregateError ? error.errors.map((inner: unknown) => (inner instanceof Error ? inner.message : String(inner))).join("; ") : "";
  return [firstLine, nested, code].filter(Boolean).join(" — ") || error.name;
}
