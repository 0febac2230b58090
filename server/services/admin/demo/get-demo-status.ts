import type { PrismaClient } from "../../../db";
import { DEMO_USER_EMAIL } from "../../demo/seed-demo-organization";
import { demoReseedInFlight } from "./reseed-demo-as-admin";

/**
 * The demo organization as the admin page shows it: its connections with their latest sync (phase included, so a
 * running reseed shows how far it got) and its cost rows. Null organization when the demo was never seeded.
 */
export async function getDemoStatus(db: PrismaClient) {
  const user = await db.user.findUnique({ where: { email: DEMO_USER_EMAIL }, select: { memberships: { where: { organization: { isDemo: true } }, select: { organization: { select: { id: true, name: true } } } } } });
  const organization = user?.memberships[0]?.organization ?? null;
  const running = demoReseedInFlight();
  if (!organization) return { organization: null, connections: [], costRows: 0, reseedStartedAt: running?.startedAt ?? null };
  const [connections, costRows] = await Promise.all([
    db.cloudConnection.findMany({
      where: { organizationId: organization.id },
      orderBy: { name: "asc" },
      select: { id: true, name: true, syncRuns: { orderBy: { createdAt: "desc" }, take: 1, select: { status: true, currentPhase: true, finishedAt: true } } },
    }),
    db.costRecord.count({ where: { organizationId: organization.id } }),
  ]);
  return {
    organization,
    connections: connections.map((connection) => ({ id: connection.id, name: connection.name, lastSync: connection.syncRuns[0] ?? null })),
    costRows,
    reseedStartedAt: running?.startedAt ?? null,
  };
}
