import { parseArgs } from "node:util";
import { db } from "../../db";
import type { PhaseRecord } from "../../sync/model/unified-resource";
import { SYSTEM_IDENTITY } from "../../services/audit/record-audit-event";
import { queueConnectionSync } from "../../services/sync/request-connection-sync";
import { CliUsageError, type CliCommand } from "../cli-command";

const FINAL = new Set(["success", "partial", "error"]);

/** By id, else by name (unique per organization; `--org <slug|id>` picks one when several organizations use it). */
async function resolveConnection(reference: string, org: string | undefined) {
  const byId = await db.cloudConnection.findUnique({ where: { id: reference }, include: { organization: { select: { id: true, name: true, slug: true } } } });
  if (byId) return byId;
  const named = await db.cloudConnection.findMany({
    where: { name: reference, ...(org ? { organization: { OR: [{ slug: org }, { id: org }] } } : {}) },
    include: { organization: { select: { id: true, name: true, slug: true } } },
    orderBy: { createdAt: "asc" },
  });
  if (named.length === 1) return named[0]!;
  if (named.length === 0) throw new Error(`No connection with id or name "${reference}"${org ? ` in organization "${org}"` : ""}.`);
  const list = named.map((connection) => `  ${connection.organization.slug} (${connection.organization.name}): ${connection.id}`).join("\n");
  throw new Error(`The name "${reference}" is used by connections in ${named.length} organizations:\n${list}\nPass the connection id, or --org <slug>.`);
}

function seconds(ms: number | null): string {
  return ms === null ? "" : `${(ms / 1000).toFixed(1)} s`;
}

function phaseLine(phase: PhaseRecord): string {
  const counts = Object.entries(phase.counts)
    .filter(([, value]) => value !== 0)
    .slice(0, 6)
    .map(([key, value]) => `${key}=${value}`)
    .join(" ");
  const mark = phase.status === "success" ? "✓" : phase.status === "failed" ? "✗" : "·";
  return `  ${mark} ${phase.id.padEnd(15)} ${seconds(phase.durationMs).padStart(8)}  ${String(phase.apiCalls).padStart(5)} calls  ${phase.error ? `— ${phase.error}` : counts}`;
}

/** `sync <connection>`: one sync through the normal path, a line per finished phase, then the outcome. */
export const syncCommand: CliCommand = {
  name: "sync",
  summary: "sync one connection now, printing each phase; exit 1 when the run ends in error",
  usage: "sync <connectionId|name> [--org <slug|id>] [--poll-ms N]",
  async run(args) {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { org: { type: "string" }, "poll-ms": { type: "string", default: "250" } } });
    if (positionals.length !== 1) throw new CliUsageError("Give exactly one connection id or name (quote names with spaces).");
    const pollMs = Math.max(20, Number(values["poll-ms"]) || 250);
    const connection = await resolveConnection(positionals[0]!, values.org);
    const queued = await queueConnectionSync(db, { ...SYSTEM_IDENTITY, userAgent: "infrazen-cli sync" }, { organizationId: connection.organizationId, connectionId: connection.id, trigger: "manual" });
    console.log(
      queued.alreadyRunning
        ? `A sync of "${connection.name}" is already running (run ${queued.syncRunId}); following it.`
        : `Syncing "${connection.name}" (${connection.providerId}, organization ${connection.organization.slug}) — run ${queued.syncRunId}${queued.mode === "inngest" ? " on Inngest" : ""}`,
    );

    let embeddedDone = queued.mode === "inngest" || queued.alreadyRunning;
    void queued.done.finally(() => {
      embeddedDone = true;
    });
    const printed = new Set<string>();
    for (;;) {
      const run = await db.syncRun.findUniqueOrThrow({ where: { id: queued.syncRunId } });
      for (const phase of (Array.isArray(run.phases) ? run.phases : []) as unknown as PhaseRecord[]) {
        if (phase.status === "running" || printed.has(phase.id)) continue;
        printed.add(phase.id);
        console.log(phaseLine(phase));
      }
      if (FINAL.has(run.status) && embeddedDone) {
        const duration = run.startedAt && run.finishedAt ? seconds(run.finishedAt.getTime() - run.startedAt.getTime()) : "";
        const money = run.monthlyCostTotal ? `; ${run.monthlyCostTotal.toFixed(2)} ${run.currency ?? ""}/month` : "";
        console.log(
          `${run.status === "error" ? "Failed" : "Finished"}: ${run.status} — created ${run.resourcesCreated}, updated ${run.resourcesUpdated}, deleted ${run.resourcesDeleted}, unchanged ${run.resourcesUnchanged}${money}; ${run.apiCalls} API calls in ${duration}`,
        );
        if (run.error) console.log(`${run.status === "error" ? "Error" : "Warning"}: ${run.error}`);
        return run.status === "error" ? 1 : 0;
      }
      await new Promise((resolve) => setTimeout(resolve, pollMs));
    }
  },
};
