import { ProviderError } from "../errors";
import { toMoscowNaive } from "./moscow-clock";
import type { SelectelContext } from "./selectel-credentials";

/** The products whose charges are cloud resources; CDN, VMware, 1C, mobile farm and mail are out of scope. */
export const CLOUD_PROVIDER_KEYS = ["vpc", "mks", "dbaas", "craas", "storage", "serverless"] as const;

/** A row of /v1/cloud_billing/statistic/consumption as clients have seen it (no official sample exists). */
export interface ConsumptionRow {
  account_id?: string;
  provider_key?: string;
  /** Kopecks. */
  value: number;
  period: string;
  project?: { id: string; name?: string | null } | null;
  metric?: { id: string; name?: string | null; quantity?: number | string | null; unit?: string | null; region?: string | null } | null;
  object?: { id: string; name?: string | null; type?: string | null; parent_id?: string | null; parent_name?: string | null } | null;
  provision_start?: string | null;
  provision_end?: string | null;
}

export interface ConsumptionRequest {
  /** Inclusive instant. */
  start: Date;
  /** Exclusive instant. */
  end: Date;
  periodGroupType: "hour" | "day";
}

/**
 * Per object × metric × period charges (`group_type=project_object_region_metric`, the panel's own grouping:
 * missing from the published spec but accepted, and the only one that keeps region and parent_id).
 * `end` is inclusive of the hour stamped at it, so we stop one second short of the exclusive end.
 */
export async function fetchConsumption(ctx: SelectelContext, headers: Record<string, string>, request: ConsumptionRequest): Promise<ConsumptionRow[]> {
  const body = await ctx.http.json<{ status?: string; data?: unknown }>({
    url: `${ctx.endpoints.api}/v1/cloud_billing/statistic/consumption`,
    headers,
    service: "billing",
    // Tens of thousands of rows for a month of a large account.
    timeoutMs: 90_000,
    query: {
      provider_keys: CLOUD_PROVIDER_KEYS,
      start: toMoscowNaive(request.start),
      end: toMoscowNaive(new Date(request.end.getTime() - 1000)),
      locale: "en",
      group_type: "project_object_region_metric",
      period_group_type: request.periodGroupType,
    },
  });
  if (body?.status !== "success" || !Array.isArray(body.data)) {
    throw new ProviderError(`Selectel billing: the consumption answer is not {status:"success", data:[…]}`, { provider: ctx.providerId, kind: "bad_response", service: "billing" });
  }
  return body.data as ConsumptionRow[];
}
