import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { DEMO_CONNECTIONS } from "@/server/services/demo/seed-demo-organization";
import { truncateAllTables } from "../setup/worker-database";
import { createPlatformUser, outcome } from "./admin-harness";

beforeEach(truncateAllTables);

describe("admin demo reseed", () => {
  it("rebuilds the demo organization one reseed at a time, reports the result and audits it as the admin", { timeout: 120_000 }, async () => {
    const admin = await createPlatformUser("admin", ["manage_resources"], "resources@example.test");
    expect(await admin.caller.admin.demo.status()).toEqual({ organization: null, connections: [], costRows: 0, reseedStartedAt: null });
    // The confirmation is part of the contract.
    await expect(admin.caller.admin.demo.reseed({ confirm: false } as never)).rejects.toMatchObject({ code: "BAD_REQUEST" });

    const first = admin.caller.admin.demo.reseed({ confirm: true });
    expect(await outcome(admin.caller.admin.demo.reseed({ confirm: true }))).toBe("admin.errors.reseedRunning");
    expect((await admin.caller.admin.demo.status()).reseedStartedAt).toBeInstanceOf(Date);
    const created = await first;
    expect(created.connections.map((connection) => [connection.name, connection.status])).toEqual(DEMO_CONNECTIONS.map((connection) => [connection.name, "success"]));
    expect(created.connectionsSynced).toBe(2);
    expect(created.removedConnections).toBe(0);
    expect(created.costRows).toBeGreaterThan(0);
    expect(created.costRows).toBe(await db.costRecord.count({ where: { organizationId: created.organizationId } }));

    const rebuilt = await admin.caller.admin.demo.reseed({ confirm: true });
    expect(rebuilt).toMatchObject({ organizationId: created.organizationId, removedConnections: 2, connectionsSynced: 2, costRows: created.costRows });

    const status = await admin.caller.admin.demo.status();
    expect(status.reseedStartedAt).toBeNull();
    expect(status.costRows).toBe(created.costRows);
    expect(status.connections.map((connection) => connection.lastSync?.status)).toEqual(["success", "success"]);

    // The wipe is recorded in the admin's name in its own transaction, and each reseed's outcome after it.
    const wipe = await db.auditLog.findFirstOrThrow({ where: { action: "demo.reseed" } });
    expect(wipe).toMatchObject({ actorId: admin.user.id, impersonatorId: null, organizationId: created.organizationId, metadata: { removedConnections: 2 } });
    const outcomes = await db.auditLog.findMany({ where: { action: "admin.demo.reseed" }, orderBy: { createdAt: "asc" } });
    expect(outcomes.map((row) => [row.actorId, row.ip, (row.metadata as { connectionsSynced: number }).connectionsSynced, (row.metadata as { costRows: number }).costRows])).toEqual([
      [admin.user.id, "203.0.113.7", 2, created.costRows],
      [admin.user.id, "203.0.113.7", 2, created.costRows],
    ]);
  });
});
