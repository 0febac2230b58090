import { getDatabase } from "@/server/db";
import { checkDatabaseHealth, describeDatabaseError } from "@/server/services/system/check-database-health";

export const dynamic = "force-dynamic";

/** Liveness for load balancers and monitors: 200 with the version, 503 when the database does not answer. */
export async function GET() {
  const version = process.env.INFRAZEN_VERSION ?? "dev";
  let database;
  try {
    database = await checkDatabaseHealth(getDatabase().client);
  } catch (error) {
    database = { ok: false, latencyMs: 0, error: describeDatabaseError(error) };
  }
  return Response.json(
    { status: database.ok ? "ok" : "unavailable", version, database },
    { status: database.ok ? 200 : 503, headers: { "cache-control": "no-store" } },
  );
}
