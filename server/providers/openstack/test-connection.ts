import type { AccountSummary, ProviderContext } from "../contract";
import { ProviderError } from "../errors";
import { catalogRegions } from "../lib/openstack";
import { openProjectSession } from "./openstack-session";
import { rateCardCurrency } from "./rate-card";

/** Keystone auth scoped to the connection's project, and a catalog that can actually reach Nova. */
export async function testConnection(ctx: ProviderContext): Promise<AccountSummary> {
  const session = await openProjectSession(ctx);
  if (catalogRegions(session.catalog, ["compute"]).length === 0) {
    throw new ProviderError(`OpenStack: the catalog of project ${session.projectName} has no compute endpoint`, {
      provider: ctx.providerId,
      kind: "config",
      service: "keystone",
    });
  }
  return {
    accountId: session.projectId,
    accountName: session.projectName,
    // Plain OpenStack has no billing service: no balance and no forecast.
    balance: null,
    currency: rateCardCurrency(ctx),
    daysLeft: null,
    projects: [{ id: session.projectId, name: session.projectName }],
  };
}
