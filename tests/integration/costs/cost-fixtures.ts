import { db } from "@/server/db";
import { readSplitFacts } from "@/server/services/costs/recall-split-facts";
import { rebuildCostRollups } from "@/server/services/costs/refresh-cost-rollups";
import { monthSplitOf } from "@/server/services/costs/resource-month-source";
import { createUserWithOrganization } from "../helpers/test-callers";

/**
 * A known cost dataset, written straight into CostRecord (query tests need exact numbers, not a sync).
 * "Today" is 2025-10-15 in Moscow (NOW = 12:00 UTC); 2025-10-12 has no charges at all.
 *
 *   Selectel "main", prod (selectel):  web-1   Compute/ru-1/p1 server  10.0000 a day 10-02…10-15   tags env=prod, team=a
 *                                        disk-1  Storage/ru-1/p1 volume   2.5050 a day 10-09…10-15   tags env=dev
 *                                        s01…s10 S01…S10/ru-2/p2 misc     1…10 on 10-10 only (byService folding)
 *                                        dns     (no service)/—/— other   0.0050 on 10-14 (rounding half-up)
 *   OpenStack lab (openstack):          db-1    Compute/RegionOne server 5.0000 a day 10-09…10-15
 *   (every day listed skips 10-12)
 */
export const NOW = new Date("2025-10-15T12:00:00Z");
export const MOSCOW = { timezone: "Europe/Moscow", now: NOW };
export const SELECTEL_NAME = 'Selectel "main", prod';

const days = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, index) => `2025-10-${String(from + index).padStart(2, "0")}`).filter((day) => day !== "2025-10-12");

interface Line {
  connectionId: string;
  providerResourceId: string;
  resourceId?: string | null;
  name: string | null;
  type: string | null;
  service: string | null;
  region: string | null;
  project: string | null;
  tags?: Record<string, string>;
  cost: string;
  days: string[];
}

async function insertLines(organizationId: string, lines: Line[]) {
  await db.costRecord.createMany({
    data: lines.flatMap((line) =>
      line.days.map((day) => ({
        organizationId,
        connectionId: line.connectionId,
        resourceId: line.resourceId ?? null,
        providerResourceId: line.providerResourceId,
        chargePeriodStart: new Date(`${day}T00:00:00Z`),
        chargePeriodEnd: new Date(new Date(`${day}T00:00:00Z`).getTime() + 86_400_000),
        billedCost: line.cost,
        effectiveCost: line.cost,
        billingCurrency: "RUB",
        serviceName: line.service,
        regionId: line.region,
        resourceName: line.name,
        resourceType: line.type,
        subAccountId: line.project,
        tags: line.tags ?? {},
      })),
    ),
  });
}

async function connection(organizationId: string, providerId: string, name: string) {
  return db.cloudConnection.create({ data: { organizationId, providerId, name, encryptedCredentials: "v1:test", credentialsKeyId: "test", status: "active" } });
}

export async function seedCostOrganization(name = "Org A") {
  const owner = await createUserWithOrganization({ orgName: name });
  const organizationId = owner.organization.id;
  const selectel = await connection(organizationId, "selectel", SELECTEL_NAME);
  const openstack = await connection(organizationId, "openstack", "OpenStack lab");
  await db.cloudConnection.update({ where: { id: selectel.id }, data: { balance: "1500.50", balanceCurrency: "RUB", lastSyncAt: new Date("2025-10-15T06:00:00Z"), lastSuccessfulSyncAt: new Date("2025-10-15T06:00:00Z") } });
  const resource = (connectionId: string, providerId: string, providerResourceId: string, extra: Record<string, unknown>) =>
    db.resource.create({ data: { organizationId, connectionId, providerId, providerResourceId, name: providerResourceId, resourceType: "server", status: "RUNNING", ...extra } });
  const web = await resource(selectel.id, "selectel", "web-1", { name: "web-1", projectId: "p1", projectName: "Production", specs: { vcpus: 2, ramMb: 4096, storageGb: 20 } });
  await resource(selectel.id, "selectel", "disk-1", { name: "disk-1", resourceType: "volume", projectId: "p1", projectName: "Production", specs: { storageGb: 100 } });
  await resource(selectel.id, "selectel", "acc", { name: "Account", resourceType: "account", specs: { balance: "1500.50", daysLeft: 42, vcpus: 99 } });
  await resource(selectel.id, "selectel", "old-vm", { name: "old", isActive: false, status: "DELETED", specs: { vcpus: 64 } });
  const db1 = await resource(openstack.id, "openstack", "db-1", { name: "db-1", specs: { vcpus: 4, ramGb: 8, storageGb: 50 } });

  await insertLines(organizationId, [
    { connectionId: selectel.id, providerResourceId: "web-1", resourceId: web.id, name: "web-1", type: "server", service: "Compute", region: "ru-1", project: "p1", tags: { env: "prod", team: "a" }, cost: "10.0000", days: days(2, 15) },
    { connectionId: selectel.id, providerResourceId: "disk-1", name: "disk-1", type: "volume", service: "Storage", region: "ru-1", project: "p1", tags: { env: "dev" }, cost: "2.5050", days: days(9, 15) },
    ...Array.from({ length: 10 }, (_, index) => ({
      connectionId: selectel.id, providerResourceId: `s${index + 1}`, name: `s${index + 1}`, type: "misc", service: `S${String(index + 1).padStart(2, "0")}`, region: "ru-2", project: "p2", cost: `${index + 1}.0000`, days: ["2025-10-10"],
    })),
    { connectionId: selectel.id, providerResourceId: "dns", name: null, type: "other", service: null, region: null, project: null, cost: "0.0050", days: ["2025-10-14"] },
    { connectionId: openstack.id, providerResourceId: "db-1", resourceId: db1.id, name: "db-1", type: "server", service: "Compute", region: "RegionOne", project: null, cost: "5.0000", days: days(9, 15) },
  ]);
  await rebuildCostRollups(db, { organizationId });
  return { ...owner, organizationId, selectel, openstack, web, db1 };
}

/** web-1 billed 1,000 on October 1st too, like on its other days, with the rollups refreshed. */
export async function chargeWebOnOctoberFirst(organization: Awaited<ReturnType<typeof seedCostOrganization>>) {
  const web = { connectionId: organization.selectel.id, providerResourceId: "web-1", resourceId: organization.web.id, name: "web-1", type: "server", service: "Compute", region: "ru-1", project: "p1" };
  await insertLines(organization.organizationId, [{ ...web, tags: { env: "prod", team: "a" }, cost: "1000.0000", days: ["2025-10-01"] }]);
  await rebuildCostRollups(db, { organizationId: organization.organizationId });
}

/** The month split a period is read by, from its split facts read now (as the backend plans it). */
export async function planMonthSplit(organizationId: string, period: { from: string; to: string }) {
  return monthSplitOf(period, await readSplitFacts(db, organizationId, period));
}
