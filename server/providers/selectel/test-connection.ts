import type { AccountSummary } from "../contract";
import { ProviderError, isProviderError } from "../errors";
import { accountHeaders, accountSession } from "./account-auth";
import { formatKopecks } from "./format-kopecks";
import { getBalance, getDaysLeft, listResellProjects } from "./selectel-account-api";
import type { ResellProject } from "./selectel-account-api";
import type { SelectelContext } from "./selectel-credentials";
import { serviceUserOf } from "./selectel-credentials";

/**
 * Proves the credentials reach what a sync needs: the project list (resell v2), the balance and its
 * prediction. A service user logs in to Keystone with the account number as its domain (domain scope).
 */
export async function testSelectelConnection(ctx: SelectelContext): Promise<AccountSummary> {
  try {
    const headers = await accountHeaders(ctx);
    // With both credentials the key serves billing, but inventory logs the service user in: check it now too.
    const serviceUser = ctx.credentials.apiKey ? serviceUserOf(ctx.credentials) : null;
    const [projects, balance, daysLeft] = await Promise.all([
      listResellProjects(ctx, headers),
      getBalance(ctx, headers),
      getDaysLeft(ctx, headers),
      serviceUser ? accountSession(ctx, serviceUser) : null,
    ]);
    const accountId = ctx.credentials.accountId ?? accountFromProjects(projects) ?? "unknown";
    return {
      accountId,
      accountName: `Selectel ${accountId}`,
      balance: formatKopecks(balance.kopecks),
      currency: balance.currency,
      daysLeft,
      projects: projects.map(({ id, name }) => ({ id, name })),
    };
  } catch (error) {
    throw explainAuthFailure(ctx, error);
  }
}

/** Resell project URLs are https://<account number>.selvpc.ru: the only place an API key reveals its account. */
function accountFromProjects(projects: ResellProject[]): string | null {
  for (const project of projects) {
    const match = project.url ? /^https?:\/\/(\d+)\./.exec(project.url) : null;
    if (match) return match[1]!;
  }
  return null;
}

/** Says which credential was refused, keeping Selectel's own message, status and kind. */
function explainAuthFailure(ctx: SelectelContext, error: unknown): unknown {
  if (!isProviderError(error) || (error.kind !== "auth" && error.kind !== "forbidden")) return error;
  const who = error.service === "keystone" ? "the service user's login" : ctx.credentials.apiKey ? "the API key" : "the service user's account token";
  // 403 with a valid token: a service user without a billing/viewer role (per a third-party connector).
  const message = error.kind === "auth" ? `Selectel rejected ${who}` : `Selectel: ${who} lacks the role to read billing and projects`;
  return new ProviderError(`${message}${error.providerMessage ? `: ${error.providerMessage}` : ""}`, {
    provider: error.provider,
    kind: error.kind,
    status: error.status,
    providerMessage: error.providerMessage,
    service: error.service,
    request: error.request,
    cause: error,
  });
}
