import { randomBytes } from "node:crypto";
import type { SandboxHandler } from "../http/sandbox-handler";
import { SandboxRouter } from "../http/sandbox-handler";
import { createOpenStackSandbox } from "../openstack";
import type { SandboxScenario } from "../scenario";
import { createApiGuard } from "./api-auth";
import { addBalanceRoutes } from "./balance-routes";
import { indexBilling } from "./billing-index";
import { addBillingStatisticRoutes } from "./billing-statistic-routes";
import { KeystoneTokenLedger } from "./keystone-token-ledger";
import type { MintToken } from "./resell-routes";
import { addResellRoutes } from "./resell-routes";
import { selectelError } from "./selectel-error";

export interface SelectelSandboxOptions {
  /** Nova/Cinder/Neutron page size of the mounted OpenStack sandbox. */
  pageSize?: number;
  /** "Now" for billing (only completed hours are charged) and token expiry. */
  now?: () => Date;
  /** Path the handler is mounted under, e.g. "/api/sandbox/selectel". */
  basePath?: string;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * One origin serving a whole Selectel account: Keystone at /identity/v3 and the pools at /{region}/… (the
 * OpenStack sandbox; service users are Keystone users in the domain named by the account number), plus the
 * api.selectel.ru surface — billing statistics, balances and prediction, resell v2. Billing datetimes are
 * Moscow time (see moscow-time.ts).
 */
export function createSelectelSandbox(scenario: SandboxScenario, options: SelectelSandboxOptions = {}): SandboxHandler {
  const now = options.now ?? (() => new Date());
  const prefix = (options.basePath ?? "").replace(/\/+$/, "");
  // Resell token exchange logs in as this account-level user, whom no scenario credential reveals.
  const resellUser = { name: `resell-${scenario.account.id}`, password: randomBytes(24).toString("base64url"), domain: scenario.account.id };
  const openstack = createOpenStackSandbox(
    { ...scenario, auth: { ...scenario.auth, users: [...scenario.auth.users, resellUser] } },
    { pageSize: options.pageSize, now, basePath: prefix },
  );
  const ledger = new KeystoneTokenLedger(now);
  const tokenPath = `${prefix}/identity/v3/auth/tokens`;
  const cloud: SandboxHandler = async (request) => {
    const response = await openstack(request);
    if (request.method === "POST" && new URL(request.url).pathname.replace(/\/+$/, "") === tokenPath) await ledger.observe(response);
    return response;
  };
  const mint: MintToken = async (request, scope) => {
    const auth = { identity: { methods: ["password"], password: { user: { name: resellUser.name, domain: { name: resellUser.domain }, password: resellUser.password } } }, scope };
    const response = await cloud(new Request(`${new URL(request.url).origin}${tokenPath}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ auth }) }));
    return response.status === 201 ? response.headers.get("x-subject-token") : null;
  };

  const guard = createApiGuard(scenario, ledger);
  const router = new SandboxRouter();
  addBillingStatisticRoutes(router, { scenario, objects: indexBilling(scenario), now, guard, prefix });
  addBalanceRoutes(router, scenario, guard, prefix);
  addResellRoutes(router, { scenario, guard, mint, prefix });
  const api = router.handler(() => selectelError(404, "Not found"));
  const apiPath = new RegExp(`^${escapeRegExp(prefix)}/(?:v1|v2|v3|vpc)/`);

  return async (request) => (apiPath.test(new URL(request.url).pathname) ? api(request) : cloud(request));
}
