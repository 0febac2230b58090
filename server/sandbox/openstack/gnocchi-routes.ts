import { SandboxRouter, json } from "../http/sandbox-handler";
import type { ScenarioServer } from "../scenario";
import { evaluate, ExpressionError, isMetricNode, metricNames, parseExpression, type Expression, type Series } from "./gnocchi-expression";
import { AUTH_REQUIRED, gnocchiError, keystoneError } from "./openstack-faults";
import type { OpenStackSandboxContext } from "./openstack-sandbox-context";
import { authenticateHeader } from "./openstack-sandbox-context";
import { coarseSamples, FINE_GRANULARITY_MS, fineSamples, SANDBOX_METRICS, type SandboxMetric } from "./server-load-samples";

const DAY_MS = 86_400_000;
/** The archive policy: 5-minute samples for `fineRetentionDays`, hourly ones for a year. */
const HOURLY_RETENTION_DAYS = 365;
const AGGREGATIONS = new Set(["mean", "min", "max", "last"]);
const RESOURCE_TYPES = new Set(["generic", "instance"]);

/** Gnocchi writes instants with an explicit offset: 2025-10-04T17:50:00+00:00. */
function gnocchiTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, "+00:00");
}

/** `start`/`stop` as Gnocchi takes them: an ISO instant (UTC when it has no zone) or epoch seconds. */
function parseInstant(raw: string | null): number | null | "invalid" {
  if (raw === null || raw === "") return null;
  if (/^\d+(\.\d+)?$/.test(raw)) return Number(raw) * 1000;
  const time = Date.parse(/(?:Z|[+-]\d{2}:?\d{2})$/i.test(raw) ? raw : `${raw}Z`);
  return Number.isFinite(time) ? time : "invalid";
}

/** The resource id of `search`: the string filter `id=<uuid>` or the JSON form `{"=": {"id": "<uuid>"}}`. */
function searchedId(search: unknown): string | null {
  if (typeof search === "string") return /^\s*id\s*=\s*["']?([^"'\s]+)["']?\s*$/.exec(search)?.[1] ?? null;
  const equals = search && typeof search === "object" ? (search as Record<string, unknown>)["="] ?? (search as Record<string, unknown>).eq : null;
  const id = equals && typeof equals === "object" ? (equals as Record<string, unknown>).id : null;
  return typeof id === "string" ? id : null;
}

/** The operations as a string or as Gnocchi's JSON list form (`["metric", "cpu_util", "mean"]`). */
function operationsOf(raw: unknown): Expression | null {
  if (typeof raw === "string") return parseExpression(raw);
  if (Array.isArray(raw)) return raw as Expression;
  return null;
}

/**
 * Gnocchi's `POST /v1/aggregates` for the instances of the scenario: a project-scoped token sees only its project's
 * servers in this region (Gnocchi's RBAC), the search names one server, and the operations are evaluated over the
 * synthetic 5-minute samples of server-load-samples.ts (or their hourly means). Only complete intervals up to
 * "now" are served, like a metricd that has caught up.
 */
export function gnocchiRouter(sandbox: OpenStackSandboxContext): SandboxRouter {
  const fineRetentionMs = (sandbox.scenario.telemetry?.fineRetentionDays ?? 30) * DAY_MS;
  const flavors = new Map(sandbox.scenario.flavors.map((flavor) => [flavor.id, flavor]));
  const servers = new Map(sandbox.scenario.servers.map((server) => [server.id, server]));

  const seriesOf = (server: ScenarioServer, metric: SandboxMetric, granularityMs: number, fromMs: number, toMs: number): Series => {
    const source = { server, flavor: flavors.get(server.flavorId) };
    if (granularityMs === FINE_GRANULARITY_MS) return fineSamples(source, metric, fromMs, toMs);
    const first = Math.ceil(fromMs / granularityMs) * granularityMs;
    return coarseSamples(fineSamples(source, metric, first, toMs), granularityMs, metric);
  };

  return new SandboxRouter().on("POST", `${sandbox.basePath}/:region/metric/v1/aggregates`, async (request, params, url) => {
    const token = sandbox.tokens.projectToken(request);
    if (!token) return keystoneError(401, AUTH_REQUIRED, authenticateHeader(sandbox, url));

    const granularity = Number(url.searchParams.get("granularity") ?? "300");
    const granularityMs = granularity * 1000;
    if (granularityMs !== FINE_GRANULARITY_MS && granularity !== 3600) return gnocchiError(400, `Granularity '${url.searchParams.get("granularity")}' does not exist in the archive policy`);
    const start = parseInstant(url.searchParams.get("start"));
    const stop = parseInstant(url.searchParams.get("stop"));
    if (start === "invalid" || stop === "invalid") return gnocchiError(400, "Unable to parse timestamp");
    const details = url.searchParams.get("details") === "true";

    let body: Record<string, unknown>;
    try {
      body = (await request.json()) as Record<string, unknown>;
    } catch {
      return gnocchiError(400, "Unable to decode body: not valid JSON");
    }
    if (!RESOURCE_TYPES.has(String(body?.resource_type ?? "generic"))) return gnocchiError(404, `Resource type ${String(body.resource_type)} does not exist`);
    const id = searchedId(body?.search);
    if (!id) return gnocchiError(400, "Invalid input: search must be `id=<resource id>`");
    let operations: Expression | null;
    try {
      operations = operationsOf(body?.operations);
    } catch (error) {
      return gnocchiError(400, { cause: "Invalid operations", detail: (error as Error).message });
    }
    if (operations === null) return gnocchiError(400, "Invalid input: operations is required");

    const names = metricNames(operations);
    const server = servers.get(id);
    const visible = server && server.projectId === token.project?.id && server.region === params.region ? server : null;
    const known = names.filter((entry) => (SANDBOX_METRICS as readonly string[]).includes(entry.name));
    if (!visible || known.length === 0) return gnocchiError(400, { cause: "Metrics not found", detail: [...new Set(names.map((entry) => entry.name))] });
    const badAggregation = names.find((entry) => !AGGREGATIONS.has(entry.aggregation));
    if (badAggregation) return gnocchiError(404, `Aggregation method '${badAggregation.aggregation}' at granularity '${granularity}' for metric ${badAggregation.name} does not exist`);

    const now = sandbox.now().getTime();
    const retention = granularityMs === FINE_GRANULARITY_MS ? fineRetentionMs : HOURLY_RETENTION_DAYS * DAY_MS;
    const fromMs = Math.max(start ?? 0, now - retention);
    // Only intervals that have ended (an interval starting before this one began at least a granularity ago):
    // metricd publishes an interval once it is complete.
    const toMs = Math.min(stop ?? now, Math.floor(now / granularityMs) * granularityMs);
    const lookup = (name: string) => ((SANDBOX_METRICS as readonly string[]).includes(name) && fromMs < toMs ? seriesOf(visible, name as SandboxMetric, granularityMs, fromMs, toMs) : []);

    let result;
    try {
      result = evaluate(operations, lookup);
    } catch (error) {
      if (error instanceof ExpressionError) return gnocchiError(400, { cause: "Invalid operations", detail: error.message });
      throw error;
    }
    if (result.kind !== "series") return gnocchiError(400, { cause: "Invalid operations", detail: "The operations do not refer to any metric" });
    // Two decimals, as Ceilometer's floats usually read; counters (ns of CPU time) stay whole.
    const triples = result.series.map(([at, value]) => [gnocchiTime(at), granularity, Math.abs(value) < 1e9 ? Math.round(value * 100) / 100 : Math.round(value)]);
    const references = details ? { references: [{ id: visible.id, type: "instance", project_id: visible.projectId, display_name: visible.name }] } : {};
    // A bare metric keeps the resource apart; anything computed across metrics is one "aggregated" series.
    if (isMetricNode(operations)) return json({ ...references, measures: { [visible.id]: { [operations[1]]: { [operations[2]]: triples } } } });
    return json({ ...references, measures: { aggregated: triples } });
  });
}
