import type { ProviderContext } from "../../contract";
import { ProviderError } from "../../errors";

export interface GnocchiAggregatesQuery {
  /** The catalog URL of the "metric" service (unversioned, as Gnocchi registers it, or ending in /v1). */
  metricUrl: string;
  /** Project-scoped Keystone token: Gnocchi shows a project only its own resources. */
  token: string;
  operations: string;
  /** Nova server id: Ceilometer files each instance's metrics under a resource with the same id. */
  resourceId: string;
  start: Date;
  stop: Date;
  granularitySeconds: number;
}

/** Gnocchi takes ISO instants; whole seconds with Z, as the panel sends them. */
function isoSeconds(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}

export function aggregatesUrl(metricUrl: string): string {
  const base = metricUrl.replace(/\/+$/, "");
  return /\/v1$/.test(base) ? `${base}/aggregates` : `${base}/v1/aggregates`;
}

/**
 * One `POST /v1/aggregates` over the resource whose id is `resourceId` (resource_type "generic" matches every
 * type, as the panel asks). Returns the parsed body, or null when Gnocchi has no such metric for the resource:
 * a server Ceilometer never polled answers 400 "Metrics not found" (or 404), which is "no data", not a failure.
 */
export async function queryGnocchiAggregates(ctx: ProviderContext, query: GnocchiAggregatesQuery): Promise<unknown> {
  const response = await ctx.http.request<unknown>({
    method: "POST",
    url: aggregatesUrl(query.metricUrl),
    query: { details: "false", granularity: query.granularitySeconds, start: isoSeconds(query.start), stop: isoSeconds(query.stop) },
    headers: { "x-auth-token": query.token },
    json: { operations: query.operations, search: `id=${query.resourceId}`, resource_type: "generic" },
    service: "gnocchi",
    acceptStatus: [400, 404],
  });
  if (response.status === 404 || (response.status === 400 && /metrics? not found/i.test(response.text))) return null;
  if (response.status === 400) {
    throw new ProviderError(`${ctx.providerId} gnocchi: 400 — ${ctx.http.mask(response.text.slice(0, 300))}`, {
      provider: ctx.providerId,
      kind: "bad_response",
      status: 400,
      service: "gnocchi",
    });
  }
  return response.data;
}
