import type { SandboxScenario } from "../scenario";
import type { KeystoneTokenLedger } from "./keystone-token-ledger";
import { selectelError } from "./selectel-error";

export type ApiGuard = (request: Request) => Response | null;

/**
 * api.selectel.ru accepts the static API key (`X-Token`) or an account-scoped Keystone token (`X-Auth-Token`,
 * domain = account number). A project-scoped token is valid but not for the account's billing: 403.
 */
export function createApiGuard(scenario: SandboxScenario, ledger: KeystoneTokenLedger): ApiGuard {
  const apiKeys = new Set(scenario.auth.apiKeys);
  const accountId = scenario.account.id;
  return (request) => {
    const apiKey = request.headers.get("x-token");
    if (apiKey !== null) return apiKeys.has(apiKey) ? null : selectelError(401, "Invalid API key: the X-Token is unknown or has been revoked");
    const token = request.headers.get("x-auth-token");
    if (token === null) return selectelError(401, "Authentication required: send an API key in X-Token or a Keystone token in X-Auth-Token");
    const entry = ledger.find(token);
    if (!entry) return selectelError(401, "The X-Auth-Token is invalid or has expired");
    const domain = entry.domain;
    if (!domain || (domain.name !== accountId && domain.id !== accountId)) {
      return selectelError(403, `This token is not scoped to account ${accountId}: log in with scope {"domain":{"name":"${accountId}"}}`);
    }
    return null;
  };
}
