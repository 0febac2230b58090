import { vi } from "vitest";
import { db } from "@/server/db";
import { rebuildCostRollups } from "@/server/services/costs/refresh-cost-rollups";
import { NOW, seedCostOrganization } from "../../costs/cost-fixtures";
import { createUserWithOrganization } from "../../helpers/test-callers";
import { createLinkedChat } from "../support/linked-chat";

/**
 * The bot commands' dataset: Org A is the cost fixture (tests/integration/costs/cost-fixtures.ts, "today" 2025-10-15
 * in Moscow) plus a zombie and an orphan; Org B has its own connections, numbers and names, so any of them showing
 * up in Org A's chats (or the reverse) is a leak.
 *
 *   Org A  Selectel "main", prod  balance 1500.50, 42 days left   zombie  ghost-vm   1234.50 a month
 *          OpenStack lab          no balance                     orphan  lost-disk   300.00 a month (project p9)
 *   Org B  Beta cloud             balance 99.90, 5 days left      zombie  b-ghost      77.00 a month
 *          Beta spare             balance 2000.00, 20 days left
 *          costs: b-vm 7.0000 on 10-14 (B-service), b-db 3.0000 on 10-15 (B-db) both on Beta cloud
 */
export async function seedCommandOrganizations() {
  const a = await seedCostOrganization("Org A");
  await db.resource.create({ data: { organizationId: a.organizationId, connectionId: a.selectel.id, providerId: "selectel", providerResourceId: "ghost-vm", name: "ghost-vm", resourceType: "server", status: "DELETED", isZombie: true, monthlyCost: "1234.50", dailyCost: "41.15" } });
  await db.resource.create({ data: { organizationId: a.organizationId, connectionId: a.openstack.id, providerId: "openstack", providerResourceId: "lost-disk", name: "lost-disk", resourceType: "volume", status: "available", isOrphan: true, projectId: "p9", monthlyCost: "300.00", dailyCost: "10.00" } });

  const b = await createUserWithOrganization({ orgName: "Org B" });
  const organizationId = b.organization.id;
  const connection = (name: string, balance: string, daysLeft: number) =>
    db.cloudConnection.create({ data: { organizationId, providerId: "selectel", name, encryptedCredentials: "v1:test", credentialsKeyId: "test", status: "active", balance, balanceCurrency: "RUB" } }).then(async (created) => {
      await db.resource.create({ data: { organizationId, connectionId: created.id, providerId: "selectel", providerResourceId: `acc-${name}`, name: "Account", resourceType: "account", status: "ACTIVE", specs: { daysLeft } } });
      return created;
    });
  const beta = await connection("Beta cloud", "99.90", 5);
  const spare = await connection("Beta spare", "2000.00", 20);
  await db.resource.create({ data: { organizationId, connectionId: beta.id, providerId: "selectel", providerResourceId: "b-ghost", name: "b-ghost", resourceType: "server", status: "DELETED", isZombie: true, monthlyCost: "77.00" } });
  const record = (providerResourceId: string, day: string, cost: string, serviceName: string) => ({
    organizationId, connectionId: beta.id, providerResourceId, resourceName: providerResourceId, chargePeriodStart: new Date(`${day}T00:00:00Z`), chargePeriodEnd: new Date(new Date(`${day}T00:00:00Z`).getTime() + 86_400_000),
    billedCost: cost, effectiveCost: cost, billingCurrency: "RUB", serviceName,
  });
  await db.costRecord.createMany({ data: [record("b-vm", "2025-10-14", "7.0000", "B-service"), record("b-db", "2025-10-15", "3.0000", "B-db")] });
  await rebuildCostRollups(db, { organizationId });
  return { a, b: { ...b, organizationId, beta, spare } };
}

/** A linked chat's Telegram id, for the updates sent to it (the row is made as linking would leave it). */
export async function linkedChatId(options: Parameters<typeof createLinkedChat>[0]): Promise<number> {
  return Number((await createLinkedChat(options)).telegramChatId);
}

/** "Today" is the fixture's 2025-10-15 (Moscow) for the cost procedures the commands call. */
export function pinNow() {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(NOW);
}

/** Intl puts no-break and thin spaces in amounts and day ranges; tests read them as plain ones. */
export function plain(text: string | undefined): string {
  return (text ?? "").replace(/[\u00a0\u2009\u202f]/g, " ");
}
