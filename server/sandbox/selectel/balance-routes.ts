import type { SandboxScenario } from "../scenario";
import type { SandboxRouter } from "../http/sandbox-handler";
import { json } from "../http/sandbox-handler";
import type { ApiGuard } from "./api-auth";

/** `GET /v3/balances` and `GET /v2/billing/prediction`: money in kopecks, currency in lower case, as Selectel sends them. */
export function addBalanceRoutes(router: SandboxRouter, scenario: SandboxScenario, guard: ApiGuard, prefix: string): void {
  const { account } = scenario;
  router.on("GET", `${prefix}/v3/balances`, (request) => {
    const denied = guard(request);
    if (denied) return denied;
    const main = account.balanceKopecks;
    const bonus = account.bonusKopecks ?? 0;
    return json({
      data: {
        billings: [
          {
            billing_type: "primary",
            balances_values_sum: main + bonus,
            final_sum: main + bonus,
            debt_sum: 0,
            balances: [
              { balance_type: "main", value: main },
              { balance_type: "bonus", value: bonus },
            ],
            debt: ["vpc", "dbaas", "mks", "storage", "cdn"].map((service_type) => ({ service_type, debt_value: 0 })),
          },
        ],
      },
      settings: { currency: "rub", mode: "prepay" },
    });
  });
  router.on("GET", `${prefix}/v2/billing/prediction`, (request) => {
    const denied = guard(request);
    if (denied) return denied;
    return json({ status: "success", data: { primary: account.daysLeft, storage: null, vmware: null, vpc: account.daysLeft } });
  });
}
