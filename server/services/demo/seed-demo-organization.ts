import type { Prisma, PrismaClient } from "../../db";
import { env } from "../../env";
import { startSandboxServer } from "../../sandbox/http/start-sandbox-server";
import { encryptCredentials } from "../../security/credentials-cipher";
import { syncConnection, type SyncOutcome } from "../../sync/run-billing-first-sync";
import { recordAuditEvent, SYSTEM_IDENTITY } from "../audit/record-audit-event";
import { demoSandbox, demoSandboxPath } from "./demo-sandboxes";

export const DEMO_USER_EMAIL = "demo@infrazen.demo";
export const DEMO_ORGANIZATION_NAME = "Демо-компания";
/** The demo company's connections, each served by its own demo sandbox; the first sync brings half a year. */
export const DEMO_CONNECTIONS = [
  { name: "Selectel BU-A (prod)", sandboxId: "selectel-bu-a" },
  { name: "Selectel BU-B (dev/stage)", sandboxId: "selectel-bu-b" },
] as const;
export const DEMO_HISTORY_DAYS = 180;

export interface SeedDemoOptions {
  /** Where the app is served (NEXTAUTH_URL): demo connections point at the sandboxes mounted in the app. */
  appUrl?: string;
}

export interface SeededDemoConnection {
  connectionId: string;
  name: string;
  /** The first sync run here (null when the connection had already synced successfully). */
  firstSync: SyncOutcome | null;
}

/**
 * The demo tenant behind "Try the demo": a passwordless demo user who owns the demo organization, with the
 * connections of DEMO_CONNECTIONS served by the app's own sandboxes (/api/sandbox/<id>). Idempotent, so every
 * start can call it. A connection that never synced successfully is synced here through the normal path (its
 * first sync brings DEMO_HISTORY_DAYS of daily billing); the app is not serving yet during setup, so that sync
 * talks to the same sandbox on an ephemeral loopback port.
 */
export async function seedDemoOrganization(db: PrismaClient, options: SeedDemoOptions = {}) {
  const appUrl = (options.appUrl ?? env().NEXTAUTH_URL).replace(/\/+$/, "");
  const seeded = await db.$transaction(async (tx) => {
    const existing = await tx.user.findUnique({ where: { email: DEMO_USER_EMAIL }, include: { memberships: { where: { organization: { isDemo: true } } } } });
    let userId: string;
    let organizationId: string;
    let created = false;
    if (existing && existing.memberships.length > 0) {
      userId = existing.id;
      organizationId = existing.memberships[0]!.organizationId;
    } else {
      const user = existing ?? (await tx.user.create({ data: { email: DEMO_USER_EMAIL, name: "Демо-пользователь", isDemo: true, emailVerified: new Date() } }));
      const organization = await tx.organization.create({
        data: { name: DEMO_ORGANIZATION_NAME, slug: "demo", isDemo: true, memberships: { create: { userId: user.id, role: "owner" } } },
      });
      await tx.user.update({ where: { id: user.id }, data: { activeOrganizationId: organization.id } });
      await recordAuditEvent(tx, SYSTEM_IDENTITY, { action: "demo.seed", organizationId: organization.id, targetType: "organization", targetId: organization.id });
      userId = user.id;
      organizationId = organization.id;
      created = true;
    }

    const connections = [];
    for (const demo of DEMO_CONNECTIONS) connections.push({ ...demo, ...(await ensureDemoConnection(tx, organizationId, appUrl, demo)) });
    return { userId, organizationId, created, connections };
  });

  // One after the other: the embedded database serializes writes anyway, and the first start stays predictable.
  const connections: SeededDemoConnection[] = [];
  for (const connection of seeded.connections) {
    const firstSync = connection.needsFirstSync ? await firstDemoSync(connection.connectionId, connection.sandboxId) : null;
    connections.push({ connectionId: connection.connectionId, name: connection.name, firstSync });
  }
  return { userId: seeded.userId, organizationId: seeded.organizationId, created: seeded.created, connections };
}

/** A demo connection, pointed at its sandbox as the app serves it at appUrl. */
async function ensureDemoConnection(tx: Prisma.TransactionClient, organizationId: string, appUrl: string, demo: (typeof DEMO_CONNECTIONS)[number]) {
  const { definition, scenario } = demoSandbox(demo.sandboxId);
  const config = definition.connection(scenario, `${appUrl}${demoSandboxPath(demo.sandboxId)}`);
  const found = await tx.cloudConnection.findFirst({ where: { organizationId, name: demo.name }, select: { id: true, lastSuccessfulSyncAt: true, endpointOverrides: true } });
  if (found) {
    // The app moved (another NEXTAUTH_URL): point the demo connection at where it is served now.
    if (!sameEndpoints(found.endpointOverrides, config.endpoints)) {
      await tx.cloudConnection.update({ where: { id: found.id }, data: { endpointOverrides: config.endpoints } });
      await recordAuditEvent(tx, SYSTEM_IDENTITY, { action: "connection.update", organizationId, targetType: "cloud_connection", targetId: found.id, metadata: { changed: ["endpoints"], demo: true } });
    }
    return { connectionId: found.id, needsFirstSync: !found.lastSuccessfulSyncAt };
  }
  const { encrypted, keyId } = encryptCredentials(config.credentials);
  const connection = await tx.cloudConnection.create({
    data: {
      organizationId,
      providerId: definition.providerId,
      name: demo.name,
      encryptedCredentials: encrypted,
      credentialsKeyId: keyId,
      endpointOverrides: config.endpoints,
      settings: config.settings as Prisma.InputJsonValue,
      historyDays: DEMO_HISTORY_DAYS,
    },
    select: { id: true },
  });
  await recordAuditEvent(tx, SYSTEM_IDENTITY, { action: "connection.create", organizationId, targetType: "cloud_connection", targetId: connection.id, metadata: { providerId: definition.providerId, name: demo.name, demo: true } });
  return { connectionId: connection.id, needsFirstSync: true };
}

/** The first sync of a demo connection, against its sandbox on an ephemeral loopback port. */
async function firstDemoSync(connectionId: string, sandboxId: string) {
  const { definition, scenario } = demoSandbox(sandboxId);
  const server = await startSandboxServer(definition.create(scenario, {}));
  try {
    return await syncConnection({ connectionId, trigger: "seed", contextOverrides: { endpointOverrides: definition.connection(scenario, server.url).endpoints } });
  } finally {
    await server.close();
  }
}

/** Key order does not count (jsonb stores keys in its own order). */
function sameEndpoints(stored: unknown, wanted: Record<string, string>): boolean {
  const sorted = (value: object) => JSON.stringify(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)));
  return Boolean(stored) && typeof stored === "object" && sorted(stored as object) === sorted(wanted);
}
