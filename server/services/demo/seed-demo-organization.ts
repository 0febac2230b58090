import type { Prisma, PrismaClient } from "../../db";
import { env } from "../../env";
import { startSandboxServer } from "../../sandbox/http/start-sandbox-server";
import { SANDBOXES } from "../../sandbox/registry";
import { encryptCredentials } from "../../security/credentials-cipher";
import { syncConnection } from "../../sync/run-billing-first-sync";
import { recordAuditEvent, SYSTEM_IDENTITY } from "../audit/record-audit-event";
import { demoSandboxPath, demoScenario } from "./demo-sandboxes";

export const DEMO_USER_EMAIL = "demo@infrazen.demo";
export const DEMO_ORGANIZATION_NAME = "Демо-компания";
export const DEMO_CONNECTION_NAME = "Selectel BU-A (prod)";
const DEMO_PROVIDER = "selectel";

export interface SeedDemoOptions {
  /** Where the app is served (NEXTAUTH_URL): the demo connection points at the sandbox mounted in the app. */
  appUrl?: string;
}

/**
 * The demo tenant behind "Try the demo": a passwordless demo user who owns the demo organization, with a Selectel
 * connection served by the app's own sandbox (/api/sandbox/selectel). Idempotent, so every start can call it.
 * Until the connection has synced successfully once, it is synced here through the normal path; the app is not
 * serving yet during setup, so that sync talks to the same sandbox on an ephemeral loopback port.
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

    const connection = await ensureDemoConnection(tx, organizationId, appUrl);
    return { userId, organizationId, created, ...connection };
  });

  const { needsFirstSync, ...result } = seeded;
  const firstSync = needsFirstSync ? await firstDemoSync(seeded.connectionId) : null;
  return { ...result, firstSync };
}

/** The demo organization's Selectel connection, pointed at the sandbox the app serves at appUrl. */
async function ensureDemoConnection(tx: Prisma.TransactionClient, organizationId: string, appUrl: string) {
  const config = SANDBOXES[DEMO_PROVIDER]!.connection(demoScenario(DEMO_PROVIDER), `${appUrl}${demoSandboxPath(DEMO_PROVIDER)}`);
  const found = await tx.cloudConnection.findFirst({ where: { organizationId, name: DEMO_CONNECTION_NAME }, select: { id: true, lastSuccessfulSyncAt: true, endpointOverrides: true } });
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
      providerId: DEMO_PROVIDER,
      name: DEMO_CONNECTION_NAME,
      encryptedCredentials: encrypted,
      credentialsKeyId: keyId,
      endpointOverrides: config.endpoints,
      settings: {},
    },
    select: { id: true },
  });
  await recordAuditEvent(tx, SYSTEM_IDENTITY, { action: "connection.create", organizationId, targetType: "cloud_connection", targetId: connection.id, metadata: { providerId: DEMO_PROVIDER, name: DEMO_CONNECTION_NAME, demo: true } });
  return { connectionId: connection.id, needsFirstSync: true };
}

/** The first sync of the demo connection, against the demo sandbox on an ephemeral loopback port. */
async function firstDemoSync(connectionId: string) {
  const sandbox = SANDBOXES[DEMO_PROVIDER]!;
  const scenario = demoScenario(DEMO_PROVIDER);
  const server = await startSandboxServer(sandbox.create(scenario, {}));
  try {
    return await syncConnection({ connectionId, trigger: "seed", contextOverrides: { endpointOverrides: sandbox.connection(scenario, server.url).endpoints } });
  } finally {
    await server.close();
  }
}

/** Key order does not count (jsonb stores keys in its own order). */
function sameEndpoints(stored: unknown, wanted: Record<string, string>): boolean {
  const sorted = (value: object) => JSON.stringify(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)));
  return Boolean(stored) && typeof stored === "object" && sorted(stored as object) === sorted(wanted);
}
