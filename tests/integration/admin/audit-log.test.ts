import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { auditLogCsv } from "@/server/services/admin/audit/audit-log-csv";
import { csvField as csvCell } from "@/server/services/export/build-csv";
import { listAuditLogForExport } from "@/server/services/admin/audit/list-audit-log";
import { callerFor, createUserWithOrganization } from "../helpers/test-callers";
import { truncateAllTables } from "../setup/worker-database";
import { createPlatformUser } from "./admin-harness";

beforeEach(truncateAllTables);

describe("audit log", () => {
  it("filters by actor, impersonator, action, organization and date, newest first and paginated", async () => {
    const root = await createPlatformUser("super_admin", [], "root@example.test");
    const customer = await createUserWithOrganization({ email: "customer@shop.test" });
    const other = await createUserWithOrganization({ email: "other@shop.test" });
    await other.caller.organization.rename({ name: "Other renamed" });
    const { impersonationId } = await root.caller.admin.impersonation.start({ userId: customer.user.id, reason: "ticket 7" });
    const acting = callerFor({ userId: root.user.id, impersonationId });
    await acting.organization.rename({ name: "Customer renamed" });
    await acting.impersonation.stop();

    const byImpersonator = await root.caller.admin.audit.list({ impersonator: "root@" });
    expect(byImpersonator.rows.map((row) => row.action).sort()).toEqual(["impersonation.request:impersonation.stop", "impersonation.request:organization.rename", "organization.rename"]);
    expect(byImpersonator.rows.every((row) => row.actor?.email === "customer@shop.test" && row.impersonator?.email === "root@example.test")).toBe(true);

    const byActor = await root.caller.admin.audit.list({ actor: "root@example.test", action: "impersonation." });
    expect(byActor.rows.map((row) => row.action)).toEqual(["impersonation.stop", "impersonation.start"]);

    const byOrg = await root.caller.admin.audit.list({ organizationId: other.organization.id });
    expect(byOrg.rows.map((row) => row.action)).toEqual(["organization.rename"]);

    const today = new Date().toISOString().slice(0, 10);
    expect((await root.caller.admin.audit.list({ from: today, to: today })).total).toBe(await db.auditLog.count());
    expect((await root.caller.admin.audit.list({ from: "2000-01-01", to: "2000-01-02" })).total).toBe(0);
    await expect(root.caller.admin.audit.list({ from: "01.01.2026" })).rejects.toMatchObject({ code: "BAD_REQUEST" });

    const paged = await root.caller.admin.audit.list({ pageSize: 10, page: 1 });
    expect(paged.rows.length).toBe(Math.min(10, paged.total));
    expect(paged.rows[0]!.createdAt.getTime()).toBeGreaterThanOrEqual(paged.rows.at(-1)!.createdAt.getTime());
  });

  it("exports CSV with both identities, quoted safely", async () => {
    const root = await createPlatformUser("super_admin", [], "root@example.test");
    const customer = await createUserWithOrganization({ email: "customer@shop.test" });
    await root.caller.admin.impersonation.start({ userId: customer.user.id, reason: 'ticket "8", urgent' });
    const filters = await root.caller.admin.audit.startExport({ action: "impersonation.start" });
    const csv = auditLogCsv(await listAuditLogForExport(db, filters));
    const [header, line, ...rest] = csv.replace(/^\uFEFF/, "").trimEnd().split("\r\n");
    expect(rest).toEqual([]);
    expect(header).toContain("actor_email,actor_id,impersonator_email");
    expect(line).toContain(",impersonation.start,root@example.test,");
    expect(line).toContain('""ticket \\""8\\"", urgent""');
    expect(csvCell("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    // Exporting the log is itself on the record.
    expect(await db.auditLog.findFirst({ where: { action: "admin.audit.export" } })).toMatchObject({ actorId: root.user.id, metadata: { filters: { action: "impersonation.start" } } });
    expect(csvCell("a,b")).toBe('"a,b"');
  });
});
