import { ProviderError } from "../errors";
import type { SelectelContext } from "./selectel-credentials";

export interface ResellProject {
  id: string;
  name: string;
  /** https://<account number>.selvpc.ru */
  url?: string;
  enabled?: boolean;
}

export interface BalanceBilling {
  billing_type: string;
  final_sum?: number;
  balances_values_sum?: number;
  debt_sum?: number;
}

interface BalancesBody {
  data?: { billings?: BalanceBilling[] };
  settings?: { currency?: string };
}

interface PredictionBody {
  data?: Record<string, number | null>;
}

function badResponse(ctx: SelectelContext, service: string, what: string): ProviderError {
  return new ProviderError(`Selectel ${service}: ${what}`, { provider: ctx.providerId, kind: "bad_response", service });
}

export async function listResellProjects(ctx: SelectelContext, headers: Record<string, string>): Promise<ResellProject[]> {
  const body = await ctx.http.json<{ projects?: ResellProject[] }>({ url: `${ctx.endpoints.api}/vpc/resell/v2/projects`, headers, service: "resell" });
  if (!Array.isArray(body?.projects)) throw badResponse(ctx, "resell", "the project list has no 'projects' array");
  return body.projects;
}

/** Balance in kopecks: the primary billing's final sum (main + bonus − debt), or all billings summed when there is no primary. */
export async function getBalance(ctx: SelectelContext, headers: Record<string, string>): Promise<{ kopecks: number; currency: string }> {
  const body = await ctx.http.json<BalancesBody>({ url: `${ctx.endpoints.api}/v3/balances`, headers, service: "billing" });
  const billings = body?.data?.billings;
  if (!Array.isArray(billings)) throw badResponse(ctx, "billing", "the balances answer has no data.billings");
  const sumOf = (billing: BalanceBilling) => billing.final_sum ?? billing.balances_values_sum ?? 0;
  const primary = billings.find((billing) => billing.billing_type === "primary");
  const kopecks = primary ? sumOf(primary) : billings.reduce((total, billing) => total + sumOf(billing), 0);
  if (!Number.isSafeInteger(kopecks)) throw badResponse(ctx, "billing", `the balance is not a whole number of kopecks: ${kopecks}`);
  return { kopecks, currency: (body.settings?.currency ?? "rub").toUpperCase() };
}

/** Days until the balance runs out: the primary billing's prediction, else the cloud's (vpc); null when none. */
export async function getDaysLeft(ctx: SelectelContext, headers: Record<string, string>): Promise<number | null> {
  const body = await ctx.http.json<PredictionBody>({ url: `${ctx.endpoints.api}/v2/billing/prediction`, headers, service: "billing" });
  const days = body?.data?.primary ?? body?.data?.vpc ?? null;
  return typeof days === "number" && Number.isFinite(days) ? days : null;
}
