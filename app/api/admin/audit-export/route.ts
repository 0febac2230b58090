import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { createCaller } from "@/server/api/root";
import { createTRPCContext } from "@/server/api/trpc";
import { getSessionIdentity } from "@/server/auth/session";
import { db } from "@/server/db";
import { auditLogCsv } from "@/server/services/admin/audit/audit-log-csv";
import { listAuditLogForExport } from "@/server/services/admin/audit/list-audit-log";

/**
 * CSV of the audit log for the filters in the query string. Authorization and validation go through the tRPC
 * procedure `admin.audit.startExport` (which also records the export), so this handler cannot drift from the admin permission rules.
 */
export async function GET(request: Request) {
  const query = Object.fromEntries(new URL(request.url).searchParams);
  const caller = createCaller(createTRPCContext({ headers: request.headers, session: await getSessionIdentity() }));
  try {
    const filters = await caller.admin.audit.startExport({ ...query, impersonatedOnly: query.impersonatedOnly === "true" || undefined });
    const csv = auditLogCsv(await listAuditLogForExport(db, filters));
    return new Response(csv, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="infrazen-audit-${new Date().toISOString().slice(0, 10)}.csv"`,
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    return new Response(error.message, { status: getHTTPStatusCodeFromError(error), headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
}
