import { authenticateKeystone } from "../lib/openstack/authenticate-keystone";
import type { KeystoneSession } from "../lib/openstack/authenticate-keystone";
import type { SelectelContext, SelectelServiceUser } from "./selectel-credentials";
import { serviceUserOf } from "./selectel-credentials";

/** The service user's account-scoped Keystone token: Selectel's account is the Keystone domain named by its number. */
export function accountSession(ctx: SelectelContext, user: SelectelServiceUser): Promise<KeystoneSession> {
  return authenticateKeystone(ctx, {
    authUrl: ctx.endpoints.identity!,
    user: { name: user.name, domainName: user.accountId },
    password: user.password,
    scope: { domain: { name: user.accountId } },
  });
}

/** Headers for api.selectel.ru (billing, balance, resell): the API key as X-Token, or else the account token. */
export async function accountHeaders(ctx: SelectelContext): Promise<Record<string, string>> {
  const { apiKey } = ctx.credentials;
  if (apiKey) return { "X-Token": apiKey };
  const user = serviceUserOf(ctx.credentials);
  if (!user) throw new Error("unreachable: the credentials schema requires an API key or a service user");
  return { "X-Auth-Token": (await accountSession(ctx, user)).token };
}
