import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/server/db";
import { rebuildCostRollups } from "@/server/services/costs/refresh-cost-rollups";
import { addMember, callerFor, createUserWithOrganization } from "../helpers/test-callers";
import { truncateAllTables } from "../setup/worker-database";
import { seedCostOrganization } from "./cost-fixtures";

let orgA: Awaited<ReturnType<typeof seedCostOrganization>>;
let orgB: Awaited<ReturnType<typeof createUserWithOrganization>>;

beforeAll(async () => {
  await truncateAllTables();
  orgA = await seedCostOrganization("Org A");
  orgB = await createUserWithOrganization({ orgName: "Org B" });
  const connection = await db.cloudConnection.create({ data: { organizationId: orgB.organization.id, providerId: "selectel", name: "B only", encryptedCredentials: "v1:test", credentialsKeyId: "test" } });
  await db.costRecord.create({
    data: { organizationId: orgB.organization.id, connectionId: connection.id, providerResourceId: "b-vm", chargePeriodStart: new Date("2025-10-14"), chargePeriodEnd: new Date("2025-10-15"), billedCost: "7.0000", effectiveCost: "7.0000", billingCurrency: "RUB", serviceName: "B-service" },
  });
  await rebuildCostRollups(db, { organizationId: orgB.organization.id });
});

afterEach(() => {
  vi.useRealTimers();
});

const OCTOBER = { from: "2025-10-01", to: "2025-10-15" };

describe("cost procedures through tRPC", () => {
  it("scope every answer to the caller's organization", async () => {
    const overviewB = await orgB.caller.dashboard.overview({ range: OCTOBER });
    expect(overviewB.kpis).toMatchObject({ totalSpend: "7.00", connections: 1 });
    expect(overviewB.topResources.map((resource) => resource.providerResourceId)).toEqual(["b-vm"]);
    const explorerB = await orgB.caller.costExplorer.query({ range: OCTOBER, groupBy: "resource" });
    expect(explorerB.rows.map((row) => row.key)).toEqual(["b-vm"]);
    // Org A's ids as filters find nothing for B.
    const foreign = await orgB.caller.costExplorer.query({ range: OCTOBER, filters: { connectionIds: [orgA.selectel.id] } });
    expect(foreign.totals.total).toBe("0.00");
    const optionsB = await orgB.caller.costExplorer.options();
    expect(optionsB.connections.map((connection) => connection.name)).toEqual(["B only"]);
    expect(optionsB.services).toEqual(["B-service"]);
    const csvB = await orgB.caller.dashboard.exportCsv({ range: OCTOBER });
    expect(csvB.rowCount).toBe(1);
    expect((await orgA.caller.dashboard.overview({ range: OCTOBER })).kpis.totalSpend).toBe("230.04");
    expect((await orgA.caller.costExplorer.exportCsv({ range: OCTOBER, groupBy: "provider", granularity: "month" })).content).toContain("Total of all rows,230.04,230.04");
  });

  it("let a viewer read costs and refuse users without a membership or a session", async () => {
    const viewer = await addMember(orgA.organizationId, "viewer");
    expect((await viewer.caller.dashboard.overview({ range: OCTOBER })).kpis.totalSpend).toBe("230.04");
    expect((await viewer.caller.costExplorer.options()).connections).toHaveLength(2);
    const outsider = await db.user.create({ data: { email: `outsider-${Date.now()}@example.test` } });
    await expect(callerFor({ userId: outsider.id }).costExplorer.query({ range: OCTOBER })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(callerFor({ userId: outsider.id }).dashboard.overview({ range: OCTOBER })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(callerFor(null).dashboard.exportCsv({ range: OCTOBER })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("keep the old dashboard.summary working", async () => {
    const summary = await orgA.caller.dashboard.summary();
    expect(summary).toMatchObject({ connections: 2, currency: "RUB" });
  });

  it("end presets on the signed-in user's today", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2025-10-15T20:30:00Z"));
    await db.user.update({ where: { id: orgA.user.id }, data: { timezone: "Asia/Vladivostok" } });
    try {
      const vladivostok = await orgA.caller.dashboard.overview({ range: { preset: "7d" } });
      expect(vladivostok.period).toEqual({ from: "2025-10-10", to: "2025-10-16", days: 7 });
      expect(vladivostok.timezone).toBe("Asia/Vladivostok");
      await db.user.update({ where: { id: orgA.user.id }, data: { timezone: "Europe/Moscow" } });
      const moscow = await orgA.caller.costExplorer.query({ range: { preset: "7d" } });
      expect(moscow.period).toEqual({ from: "2025-10-09", to: "2025-10-15", days: 7 });
    } finally {
      await db.user.update({ where: { id: orgA.user.id }, data: { timezone: "Europe/Moscow" } });
    }
  });
});

describe("invalid ranges answer in the caller's language", () => {
  const cases = [
    { range: { from: "2025-02-30", to: "2025-03-01" }, en: "There is no such date: 2025-02-30.", ru: "Такой даты нет: 2025-02-30." },
    { range: { from: "2025-10-10", to: "2025-10-01" }, en: "The period starts (2025-10-10) after it ends (2025-10-01).", ru: "Начало периода (2025-10-10) позже его конца (2025-10-01)." },
    { range: { from: "2022-12-31", to: "2025-12-31" }, en: "The period is longer than 1096 days; pick a shorter one.", ru: "Период длиннее 1096 дней — выберите период короче." },
    { range: { from: "2025-1-1", to: "2025-01-02" }, en: "Dates are YYYY-MM-DD.", ru: "Дата — в формате ГГГГ-ММ-ДД." },
  ];
  for (const { range, en, ru } of cases) {
    it(`refuses ${range.from}…${range.to}`, async () => {
      await expect(callerFor({ userId: orgA.user.id }, "en").dashboard.overview({ range })).rejects.toMatchObject({ code: "BAD_REQUEST", message: en });
      await expect(callerFor({ userId: orgA.user.id }, "ru").costExplorer.query({ range })).rejects.toMatchObject({ code: "BAD_REQUEST", message: ru });
      await expect(callerFor({ userId: orgA.user.id }, "ru").costExplorer.exportCsv({ range })).rejects.toMatchObject({ code: "BAD_REQUEST", message: ru });
    });
  }

  it("accepts exactly 1096 days and explains a missing tag key", async () => {
    const longest = await orgA.caller.costExplorer.query({ range: { from: "2023-01-01", to: "2025-12-31" }, granularity: "month" });
    expect(longest.period.days).toBe(1096);
    expect(longest.buckets).toHaveLength(36);
    await expect(callerFor({ userId: orgA.user.id }, "ru").costExplorer.query({ range: OCTOBER, groupBy: "tag" })).rejects.toMatchObject({ message: "Выберите ключ тега для группировки по тегу." });
  });
});
