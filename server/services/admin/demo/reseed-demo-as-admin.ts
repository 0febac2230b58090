import type { PrismaClient } from "../../../db";
import { AppError } from "../../../api/app-error";
import { recordAuditEvent, type RequestIdentity } from "../../audit/record-audit-event";
import { reseedDemoOrganization } from "../../demo/reseed-demo-organization";

// Kept on globalThis: Next.js may evaluate this module once per bundle, and two overlapping reseeds would
// delete each other's fresh connections mid-sync.
const flight = globalThis as typeof globalThis & { __infrazenDemoReseed?: { startedAt: Date } };

/** Whether a reseed is running in this process, and since when (the admin page polls it to show progress). */
export function demoReseedInFlight(): { startedAt: Date } | null {
  return flight.__infrazenDemoReseed ?? null;
}

/**
 * "Reseed demo" from the admin area: the same wipe-and-rebuild as `demo reseed`, recorded in the admin's name,
 * one at a time. Returns what the admin needs to judge the result: each connection's first sync and the cost rows.
 */
export async function reseedDemoAsAdmin(db: PrismaClient, identity: RequestIdentity, options: { appUrl?: string } = {}) {
  if (flight.__infrazenDemoReseed) throw new AppError("CONFLICT", "admin.errors.reseedRunning");
  flight.__infrazenDemoReseed = { startedAt: new Date() };
  const started = performance.now();
  try {
    const result = await reseedDemoOrganization(db, { appUrl: options.appUrl, identity });
    const costRows = await db.costRecord.count({ where: { organizationId: result.organizationId } });
    const connections = result.connections.map((connection) => ({ name: connection.name, status: connection.firstSync?.status ?? "error", error: connection.firstSync?.error?.message ?? null }));
    const summary = {
      organizationId: result.organizationId,
      removedConnections: result.removedConnections,
      connections,
      connectionsSynced: connections.filter((connection) => connection.status === "success" || connection.status === "partial").length,
      costRows,
      durationMs: Math.round(performance.now() - started),
    };
    await recordAuditEvent(db, identity, {
      action: "admin.demo.reseed",
      organizationId: result.organizationId,
      targetType: "organization",
      targetId: result.organizationId,
      metadata: { removedConnections: summary.removedConnections, connectionsSynced: summary.connectionsSynced, costRows, durationMs: summary.durationMs },
    });
    return summary;
  } finally {
    flight.__infrazenDemoReseed = undefined;
  }
}
