import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { findDueConnections } from "@/server/services/sync/find-due-connections";
import { callerFor, createUserWithOrganization } from "../helpers/test-callers";
import { truncateAllTables } from "../setup/worker-database";
import { createPlatformUser, outcome } from "./admin-harness";

beforeEach(truncateAllTables);

const SELECTEL_FORM = { providerId: "selectel", name: "Selectel prod", credentials: { apiKey: "selectel-api-key-5f1e9a0b7c" } };
const settings = (providerId: string, changes: Partial<{ enabled: boolean; displayOrder: number; defaultSyncIntervalMinutes: number }> = {}) => ({ providerId, enabled: true, displayOrder: 10, defaultSyncIntervalMinutes: 360, ...changes });

describe("admin provider catalog", () => {
  it("starts from the registry's defaults, then keeps order and default interval, audited as the admin", async () => {
    const admin = await createPlatformUser("admin", ["manage_providers"]);
    expect((await admin.caller.admin.providers.list()).map((entry) => [entry.providerId, entry.enabled, entry.displayOrder, entry.defaultSyncIntervalMinutes, entry.customized])).toEqual([
      ["openstack", true, 10, 360, false],
      ["selectel", true, 20, 360, false],
    ]);

    const saved = await admin.caller.admin.providers.update(settings("selectel", { displayOrder: 5, defaultSyncIntervalMinutes: 60 }));
    expect(saved).toMatchObject({ providerId: "selectel", displayOrder: 5, defaultSyncIntervalMinutes: 60, customized: true });
    expect((await admin.caller.admin.providers.list()).map((entry) => entry.providerId)).toEqual(["selectel", "openstack"]);

    await expect(admin.caller.admin.providers.update(settings("selectel", { defaultSyncIntervalMinutes: 5 }))).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await outcome(admin.caller.admin.providers.update(settings("aws")))).toBe("admin.errors.unknownProvider");

    // New connections start with the provider's default interval unless their owner picks one.
    const { caller } = await createUserWithOrganization();
    const { id } = await caller.connection.create(SELECTEL_FORM);
    expect((await db.cloudConnection.findUniqueOrThrow({ where: { id } })).syncIntervalMinutes).toBe(60);
    const chosen = await caller.connection.create({ ...SELECTEL_FORM, name: "Selectel dev", syncIntervalMinutes: 720 });
    expect((await db.cloudConnection.findUniqueOrThrow({ where: { id: chosen.id } })).syncIntervalMinutes).toBe(720);
    expect((await caller.connection.providers()).map((provider) => [provider.id, provider.enabled])).toEqual([["selectel", true], ["openstack", true]]);

    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "admin.provider.update" } });
    expect(audit).toMatchObject({ actorId: admin.user.id, targetType: "provider", targetId: "selectel", metadata: { changed: ["displayOrder", "defaultSyncIntervalMinutes"], before: { displayOrder: 20 }, after: { displayOrder: 5 } } });
  });

  it("a disabled provider cannot be added or synced, its connections keep their data and say why, and the scheduler skips them", async () => {
    const root = await createPlatformUser("super_admin");
    const { caller, organization, user } = await createUserWithOrganization();
    const { id } = await caller.connection.create(SELECTEL_FORM);
    await db.cloudConnection.update({ where: { id }, data: { createdAt: new Date(Date.now() - 24 * 60 * 60 * 1000) } });
    expect((await findDueConnections(db, new Date())).map((due) => due.connectionId)).toEqual([id]);

    await root.caller.admin.providers.update(settings("selectel", { enabled: false, displayOrder: 20 }));
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "admin.provider.disable" } });
    expect(audit).toMatchObject({ actorId: root.user.id, targetId: "selectel", metadata: { changed: ["enabled"], affectedConnections: 1 } });

    const ru = callerFor({ userId: user.id }, "ru");
    await expect(ru.connection.create({ ...SELECTEL_FORM, name: "Another" })).rejects.toThrow("Selectel отключён на этой платформе: новые подключения к нему добавить нельзя. Обратитесь к администратору.");
    await expect(caller.connection.create({ ...SELECTEL_FORM, name: "Another" })).rejects.toThrow("Selectel is disabled on this platform: new connections to it cannot be added. Contact the administrator.");
    expect(await db.cloudConnection.count({ where: { organizationId: organization.id } })).toBe(1);

    const providers = await caller.connection.providers();
    expect(providers.map((provider) => [provider.id, provider.enabled])).toEqual([["openstack", true], ["selectel", false]]);
    const [card] = await caller.connection.list();
    expect(card).toMatchObject({ id, providerDisabled: true });
    expect(await findDueConnections(db, new Date())).toEqual([]);
    expect(await outcome(caller.connection.sync({ id }))).toBe("connections.errors.providerDisabledSync");

    await root.caller.admin.providers.update(settings("selectel", { enabled: true, displayOrder: 20 }));
    expect((await caller.connection.list())[0]).toMatchObject({ providerDisabled: false });
    expect((await findDueConnections(db, new Date())).map((due) => due.connectionId)).toEqual([id]);
    expect(await db.auditLog.count({ where: { action: "admin.provider.enable" } })).toBe(1);
  });
});
