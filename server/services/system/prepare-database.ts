import { resolveDatabaseTarget, describeDatabaseTarget } from "../../db/database-target";
import { deployMigrations } from "../../db/migrations";
import type { PrismaClient } from "../../db";
import type { ServerEnv } from "../../env";
import { bootstrapSuperAdmin } from "../admin/bootstrap-super-admin";
import { seedDemoOrganization } from "../demo/seed-demo-organization";

/**
 * What every start does before serving: apply pending migrations, make sure the demo tenant exists
 * (when the demo is on), and create the first super admin from SUPER_ADMIN_* if there is none yet.
 */
export async function prepareDatabase(getDb: () => PrismaClient, config: ServerEnv, log: (line: string) => void) {
  const target = resolveDatabaseTarget(config.DATABASE_URL);
  log(`Database: ${describeDatabaseTarget(target)}`);
  const { applied } = await deployMigrations(target, { log });
  log(applied.length ? `Applied ${applied.length} migration(s).` : "Migrations are up to date.");
  const db = getDb();
  if (config.demoEnabled) {
    const started = Date.now();
    const demo = await seedDemoOrganization(db);
    if (demo.created) log("Demo organization created.");
    const synced = demo.connections.filter((connection) => connection.firstSync);
    if (synced.length) {
      const results = synced.map((connection) => `${connection.name}: ${connection.firstSync!.status}`).join(", ");
      log(`Demo history synced in ${((Date.now() - started) / 1000).toFixed(1)} s (${results}).`);
    }
  }
  if (config.SUPER_ADMIN_EMAIL && config.SUPER_ADMIN_PASSWORD) {
    const existing = await db.user.count({ where: { platformRole: "super_admin" } });
    if (existing === 0) {
      await bootstrapSuperAdmin(db, { email: config.SUPER_ADMIN_EMAIL, password: config.SUPER_ADMIN_PASSWORD });
      log(`Super admin ${config.SUPER_ADMIN_EMAIL} created.`);
    }
  }
}
